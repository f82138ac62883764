package io.budget4j.bench;

import io.budget4j.Priority;
import io.budget4j.quota.QuotaExhaustedException;
import io.budget4j.quota.QuotaPolicy;
import io.budget4j.quota.QuotaService;
import io.budget4j.quota.StoreErrorPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tenant quota operations against the embedded store and against Redis, every caller spending the
 * same tenant's quota (the contended case). Each Redis operation is one round trip (one EVALSHA);
 * {@code reserveAndSettle} is two. Run with {@code -t 1} and {@code -t 16}, {@code -bm thrpt} for
 * operations per second and {@code -bm sample} for p99, next to {@code redis-benchmark -t incr}
 * with the same client count on the same server (see docs/quotas.md for the exact commands).
 *
 * <p>Redis: {@code -Dbudget4j.bench.redis=redis://127.0.0.1:6390} (the default), or the
 * {@code BUDGET4J_REDIS_URL} environment variable.
 */
@State(Scope.Benchmark)
public class QuotaBenchmark {
    /** {@code memory} by default, so that {@code run.sh} needs no Redis; quota-bench.sh passes {@code -p store=redis}. */
    @Param({"memory"})
    public String store;

    private QuotaService quotas;
    private String tenant;
    /** Only a store failure refuses here (the quota is never reached): counted, reported at the end. */
    private final AtomicLong refused = new AtomicLong();

    @Setup(Level.Trial)
    public void open() {
        String spec = "memory".equals(store) ? "memory" : redisUrl();
        // deny: a store that cannot be reached shows up as refusals, never as fast "allowed" calls
        quotas = QuotaService.create(QuotaPolicy.builder().store(spec).dailyTokens(Long.MAX_VALUE / 4)
                .defaultPriority(Priority.HIGH).onStoreError(StoreErrorPolicy.DENY).build());
        tenant = "bench-" + Long.toString(System.nanoTime(), 36);
        if (!quotas.usage(tenant).storeReachable()) {
            throw new IllegalStateException("quota store " + spec + " cannot be reached");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        boolean reachable = quotas.usage(tenant).storeReachable();
        quotas.close();
        if (!reachable || refused.get() > 0) {
            throw new IllegalStateException("the quota store failed during the benchmark (" + refused.get()
                    + " reservations refused): the numbers measure failures, not the store");
        }
    }

    /** Check and charge one token: what a call with a known cost does. */
    @Benchmark
    public boolean tryConsume() {
        return quotas.tryConsume(tenant, 1);
    }

    /**
     * Hold 10 tokens, never settled within the run (the leases expire after the reservation TTL):
     * the reservation's own round trip.
     */
    @Benchmark
    public Object reserve() {
        try {
            return quotas.reserve(tenant, 10);
        } catch (QuotaExhaustedException e) {
            return refused.incrementAndGet();
        }
    }

    /** Charge unconditionally (the seed's consume_quota after a call). */
    @Benchmark
    public void consume() {
        quotas.consumeQuota(tenant, 1);
    }

    /** What a woven model call costs the store: hold an estimate, then settle the actual (two round trips). */
    @Benchmark
    public void reserveAndSettle() {
        try {
            quotas.reserve(tenant, 10).settle(8);
        } catch (QuotaExhaustedException e) {
            refused.incrementAndGet();
        }
    }

    private static String redisUrl() {
        String env = System.getenv("BUDGET4J_REDIS_URL");
        return System.getProperty("budget4j.bench.redis",
                env == null || env.isBlank() ? "redis://127.0.0.1:6390" : env.trim());
    }
}
