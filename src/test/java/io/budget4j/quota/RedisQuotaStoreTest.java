package io.budget4j.quota;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.Limit;
import io.budget4j.quota.redis.RedisQuotaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared quota test kit against a real Redis (started by {@link RedisExtension}, or
 * {@code BUDGET4J_REDIS_URL}), plus what only a shared store can show: usage that outlives a JVM,
 * outages, and two JVMs spending one tenant's quota.
 */
@ExtendWith(RedisExtension.class)
class RedisQuotaStoreTest extends QuotaStoreContract {
    private final RedisServer redis;
    /** Every test works under its own keys, so a shared server needs no flushing. */
    private final String prefix = "budget4j-test:" + UUID.randomUUID() + ":";

    RedisQuotaStoreTest(RedisServer redis) {
        this.redis = redis;
    }

    @Override
    protected QuotaStore newStore() {
        return RedisQuotaStore.builder(redis.url()).keyPrefix(prefix).build();
    }

    @Test
    void usageIsKeptAcrossARestartOfTheJvm() {
        QuotaService first = service(quota(1_000).reservationTtl(Duration.ofMinutes(5)));
        assertTrue(first.tryConsume("acme", 600));
        first.reserve("acme", 300); // held when the JVM "dies"
        store.close();

        try (QuotaStore again = newStore()) {
            QuotaService second = service(quota(1_000), again);
            QuotaUsage u = second.usage("acme");
            assertEquals(600, u.used());
            assertEquals(300, u.reserved());
            assertFalse(second.tryConsume("acme", 101));

            clock.advance(Duration.ofMinutes(5)); // the dead JVM's lease expires
            assertEquals(0, second.usage("acme").reserved());
            assertTrue(second.tryConsume("acme", 400));
        }
    }

    @Test
    void keysExpireAnHourAfterTheirWindowByTheServicesClock() {
        QuotaService quotas = service(quota(1_000));
        WindowSpan window = quotas.usage("acme").window();
        String key = ((RedisQuotaStore) store).key("acme", window);
        long ttl = window.endMillis() - clock.millis() + Duration.ofHours(1).toMillis();
        try (JedisPooled raw = raw()) {
            long before = redisMillis(raw);
            quotas.reserve("acme", 10);
            long after = redisMillis(raw);
            for (String k : List.of(key, key + ":leases")) {
                long setAt = raw.pexpireTime(k) - ttl; // Redis's time when the script set the TTL
                assertTrue(setAt >= before && setAt <= after, k + " expires at " + raw.pexpireTime(k));
            }
        }
    }

    private static long redisMillis(JedisPooled raw) {
        Object ms = raw.eval("local t = redis.call('TIME') return t[1] * 1000 + math.floor(t[2] / 1000)");
        return (Long) ms;
    }

    @Test
    void everyOperationIsOneScriptCall() {
        assumeTrue(redis.managed(), "counts the commands of a server no one else uses");
        QuotaService quotas = service(quota(100));
        quotas.reserve("warm-up", 1).settle(1); // each script is loaded on its first NOSCRIPT
        quotas.usage("warm-up");
        try (JedisPooled raw = raw()) {
            assertEquals(1, commandsOf(raw, () -> quotas.tryConsume("acme", 50)));
            assertEquals(1, commandsOf(raw, () -> quotas.consumeQuota("acme", 10)));
            Reservation[] r = new Reservation[1];
            assertEquals(1, commandsOf(raw, () -> r[0] = quotas.reserve("acme", 20)));
            assertEquals(1, commandsOf(raw, () -> r[0].settle(15)));
            assertEquals(1, commandsOf(raw, () -> assertNotNull(quotas.tryAcquire("acme", 80, "m"))),
                    "a refusal, with its message, too");
            assertEquals(1, commandsOf(raw, () -> quotas.usage("acme")));
        }
    }

    /** EVALSHA calls the server received while {@code op} ran (the client sends no other command). */
    private static long commandsOf(JedisPooled raw, Runnable op) {
        long before = evalshaCalls(raw);
        op.run();
        return evalshaCalls(raw) - before;
    }

    private static long evalshaCalls(JedisPooled raw) {
        String info = raw.info("commandstats");
        int at = info.indexOf("cmdstat_evalsha:calls=");
        return at < 0 ? 0 : Long.parseLong(info.substring(at + 22, info.indexOf(',', at)));
    }

    @Test
    void denyRefusesWhileRedisIsDownAndServesAgainWhenItIsBack() {
        assumeTrue(redis.managed(), "needs a Redis the test can stop");
        storeFailuresExpected = true;
        QuotaService quotas = service(quota(1_000).onStoreError(StoreErrorPolicy.DENY));
        assertTrue(quotas.tryConsume("acme", 100));

        redis.stop();
        QuotaService startedWhileDown;
        try {
            startedWhileDown = service(quota(1_000).onStoreError(StoreErrorPolicy.DENY), closeLater(newStore()));
            assertFalse(startedWhileDown.tryConsume("acme", 1));
            BudgetExhaustedException refusal = quotas.tryAcquire("acme", 10, "Llm#chat");
            assertNotNull(refusal);
            assertEquals(Limit.QUOTA, refusal.limit());
            assertTrue(assertInstanceOf(QuotaExhaustedException.class, refusal).storeUnreachable());
            assertTrue(refusal.getMessage().contains("cannot be reached"), refusal.getMessage());
            assertTrue(refusal.getMessage().contains(redis.url().replace("redis://", "")), refusal.getMessage());
            assertFalse(quotas.tryConsume("acme", 1));
            assertFalse(quotas.checkQuota("acme", 1));
            assertFalse(quotas.usage("acme").storeReachable());
            assertEquals(0, quotas.remaining("acme"));
        } finally {
            redis.restart();
        }

        // The restarted server is empty (no persistence): counting starts again, by itself.
        assertNull(quotas.tryAcquire("acme", 10, "Llm#chat"));
        quotas.settle("acme", 10, 7);
        assertTrue(quotas.usage("acme").storeReachable());
        assertEquals(7, quotas.usage("acme").used());
        assertTrue(startedWhileDown.tryConsume("acme", 3), "a service started while Redis was down works once it is up");
        assertEquals(10, quotas.usage("acme").used());
    }

    @Test
    void allowLetsCallsThroughWhileRedisIsDownWithOneWarningNotOnePerCall() {
        assumeTrue(redis.managed(), "needs a Redis the test can stop");
        storeFailuresExpected = true;
        QuotaService quotas = service(quota(1_000).onStoreError(StoreErrorPolicy.ALLOW));
        assertTrue(quotas.tryConsume("acme", 1_000));
        assertFalse(quotas.tryConsume("acme", 1), "while Redis answers, the quota holds");

        List<LogRecord> log = new ArrayList<>();
        Logger jul = Logger.getLogger("io.budget4j.quota");
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                log.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        redis.stop();
        try {
            for (int i = 0; i < 50; i++) {
                assertNull(quotas.tryAcquire("acme", 10, "Llm#chat"), "let through while the store is down");
                quotas.settle("acme", 10, 10);
            }
            assertTrue(quotas.tryConsume("acme", 5));
            assertTrue(quotas.usage("acme").remaining() > 0);
        } finally {
            redis.restart();
            quotas.usage("acme"); // reaches the store again
            jul.removeHandler(capture);
        }
        List<LogRecord> warnings;
        synchronized (capture) {
            warnings = log.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        }
        assertEquals(1, warnings.size(), "one warning for 100 failed operations: " + warnings.size());
        assertTrue(warnings.get(0).getMessage().contains("cannot be reached"));
        assertTrue(log.stream().anyMatch(r -> r.getLevel() == Level.INFO && r.getMessage().contains("answers again")));

        assertTrue(quotas.tryConsume("acme", 1_000), "the restarted server is empty: counting starts again");
        assertFalse(quotas.tryConsume("acme", 1));
    }

    @Test
    void aPasswordAndADatabaseIndexComeFromTheUrl() {
        assumeTrue(redis.managed(), "starts its own password-protected server");
        try (RedisServer locked = RedisServer.startLocal("s3cr:et@x")) {
            String url = "redis://:" + "s3cr%3Aet%40x" + "@127.0.0.1:" + locked.port() + "/3";
            try (RedisQuotaStore db3 = RedisQuotaStore.builder(url).keyPrefix(prefix).build()) {
                QuotaService quotas = service(quota(100), db3);
                assertTrue(quotas.tryConsume("acme", 40));
                String key = db3.key("acme", quotas.usage("acme").window());
                DefaultJedisClientConfig auth = DefaultJedisClientConfig.builder().password("s3cr:et@x").database(3)
                        .build();
                try (JedisPooled raw = new JedisPooled(new HostAndPort("127.0.0.1", locked.port()), auth)) {
                    assertEquals("40", raw.hget(key, "u"), "the counters are in database 3");
                }
            }
            try (RedisQuotaStore wrong = RedisQuotaStore.builder("redis://:nope@127.0.0.1:" + locked.port())
                    .keyPrefix(prefix).build()) {
                QuotaService denied = QuotaService.create(quota(100).onStoreError(StoreErrorPolicy.DENY).build(),
                        wrong, clock);
                assertFalse(denied.tryConsume("acme", 1), "a wrong password is a store failure");
            }
        }
    }

    @Test
    void redissSpeaksTls(@TempDir Path dir) throws Exception {
        assumeTrue(redis.managed(), "starts its own TLS server");
        Path cert = dir.resolve("redis.crt");
        Path key = dir.resolve("redis.key");
        Process openssl = new ProcessBuilder(RedisServer.findOnPath("openssl"), "req", "-x509", "-newkey", "rsa:2048",
                "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertEquals(0, openssl.waitFor(), () -> "openssl failed: " + read(dir.resolve("openssl.log")));

        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("redis", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);

        try (RedisServer server = RedisServer.startLocalTls(cert, key);
                RedisQuotaStore overTls = RedisQuotaStore.builder("rediss://127.0.0.1:" + server.tlsPort() + "/2")
                        .keyPrefix(prefix).sslSocketFactory(tls.getSocketFactory()).build()) {
            QuotaService quotas = service(quota(100), overTls);
            assertTrue(quotas.tryConsume("acme", 60));
            assertFalse(quotas.tryConsume("acme", 41));
            assertEquals(60, quotas.usage("acme").used());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /**
     * Two JVMs, four threads each, spend one tenant's quota through Redis at once. Try-consume of
     * one token is exact; model calls that use more than they reserved end within the documented
     * bound: quota + callers * (actual - estimate).
     */
    @Test
    void twoJvmsSpendingOneTenantStayWithinTheBound() throws Exception {
        QuotaSpender.Settings s = new QuotaSpender.Settings(redis.url(), prefix, clock.millis(), 4, 3_000, 40_000, 10,
                15);
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(QuotaSpender.class.getName());
        cmd.addAll(s.args());
        Process other = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (RedisQuotaStore mine = s.store()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("READY", out.readLine());
            QuotaService quotas = s.service(mine);
            quotas.usage("warm-up");
            Writer go = new OutputStreamWriter(other.getOutputStream(), StandardCharsets.UTF_8);
            go.write("GO\n");
            go.flush();
            long[] here = s.spend(quotas);
            String line = out.readLine();
            assertNotNull(line, "the other JVM reported nothing");
            String[] parts = line.split(" ");
            assertEquals("ADMITTED", parts[0], line);
            long[] there = {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
            assertEquals("0", parts[3], "store failures in the other JVM");
            assertEquals(0, quotas.storeFailures(), "store failures in this JVM");
            assertTrue(other.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, other.exitValue());

            assertTrue(here[0] > 0 && there[0] > 0, "both JVMs spent: " + here[0] + " / " + there[0]);
            assertEquals(3_000, here[0] + there[0], "try-consume is exact across JVMs");
            assertEquals(3_000, quotas.usage("exact").used());

            long used = quotas.usage("bound").used();
            int callers = 2 * 4;
            assertEquals((here[1] + there[1]) * 15, used);
            assertTrue(used <= 40_000 + callers * (15 - 10), "used " + used);
            assertTrue(used > 40_000 - 10, "the quota was spent: used " + used);
            assertEquals(0, quotas.usage("bound").reserved());
        } finally {
            other.destroyForcibly();
        }
    }

    private JedisPooled raw() {
        return new JedisPooled(redis.url());
    }
}
