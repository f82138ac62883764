package io.budget4j.quota;

import io.budget4j.quota.redis.RedisQuotaStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spends one tenant's quota in Redis from several threads, as one JVM of many would. The two-JVM
 * test runs it in a second JVM and in its own at once.
 *
 * <p>Usage: {@code QuotaSpender URL PREFIX EPOCH_MILLIS THREADS EXACT_QUOTA BOUND_QUOTA ESTIMATE ACTUAL};
 * prints {@code READY}, waits for a line on stdin, spends, and prints
 * {@code ADMITTED <exact> <bound> <store failures>}.
 */
public final class QuotaSpender {
    private QuotaSpender() {
    }

    public static void main(String[] args) throws Exception {
        Settings s = new Settings(args[0], args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]),
                Long.parseLong(args[4]), Long.parseLong(args[5]), Long.parseLong(args[6]), Long.parseLong(args[7]));
        try (RedisQuotaStore store = s.store()) {
            QuotaService quotas = s.service(store);
            quotas.usage("warm-up"); // connect and load the scripts before the race starts
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            long[] admitted = s.spend(quotas);
            System.out.println("ADMITTED " + admitted[0] + " " + admitted[1] + " " + quotas.storeFailures());
            System.out.flush();
        }
    }

    record Settings(String url, String prefix, long epochMillis, int threads, long exactQuota, long boundQuota,
            long estimate, long actual) {

        List<String> args() {
            return List.of(url, prefix, Long.toString(epochMillis), Integer.toString(threads),
                    Long.toString(exactQuota), Long.toString(boundQuota), Long.toString(estimate), Long.toString(actual));
        }

        RedisQuotaStore store() {
            return RedisQuotaStore.builder(url).keyPrefix(prefix).build();
        }

        QuotaService service(QuotaStore store) {
            QuotaPolicy policy = QuotaPolicy.builder().defaultPriority(io.budget4j.Priority.HIGH)
                    .tenant("exact", exactQuota).tenant("bound", boundQuota).build();
            return QuotaService.create(policy, store, Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
        }

        /**
         * Phase 1: try-consume one token at a time of tenant {@code exact}. Phase 2: model calls of
         * tenant {@code bound} through the gate, each reserving {@code estimate} and using
         * {@code actual}. Returns how many of each were admitted here.
         */
        long[] spend(QuotaService quotas) throws Exception {
            AtomicLong exact = new AtomicLong();
            AtomicLong bound = new AtomicLong();
            QuotaStoreContract.concurrently(threads, () -> {
                while (quotas.tryConsume("exact", 1)) {
                    exact.incrementAndGet();
                }
                while (quotas.tryAcquire("bound", estimate, "QuotaSpender#call") == null) {
                    bound.incrementAndGet();
                    quotas.settle("bound", estimate, actual);
                }
                return null;
            });
            return new long[] {exact.get(), bound.get()};
        }
    }
}
