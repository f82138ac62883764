package io.budget4j.examples;

import io.budget4j.quota.RedisServer;
import io.budget4j.testing.Jvm;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Example 5 as a user runs it: the packaged agent, the compiled examples, memory or Redis. */
class QuotaServiceExampleIT {
    private static final Path EXAMPLES = Path.of(System.getProperty("budget4j.examplesDir"));
    private static final Pattern TENANT_123 = Pattern.compile("tenant_123 +used +(\\d+) of");

    @Test
    void tenantsAreChargedAndRefusedOnTheEmbeddedStore() throws Exception {
        Jvm.Result r = run();
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.stdout.contains("Quota store: memory"), r.toString());
        assertTrue(r.stdout.contains("What is machine learning? -> partial answer, stopped by QUOTA"), r.toString());
        assertTrue(r.stdout.contains("job 4 refused: Quota exhausted: tenant 'tenant_batch' has used 5400 of 7000"),
                r.toString());
        assertTrue(used123(r) > 0, r.toString());
    }

    @Test
    void onRedisTheUsageOutlivesTheProcess() throws Exception {
        try (RedisServer redis = RedisServer.forTests()) {
            Jvm.Result first = run(redis.url());
            Jvm.Result second = run(redis.url());
            assertEquals(0, first.exitCode, first.toString());
            assertTrue(first.stdout.contains("Quota store: redis://"), first.toString());
            assertTrue(used123(second) > used123(first), "the second run adds to the first:\n" + second);
            if (redis.managed()) { // a fresh server: exactly twice what one run spends
                assertEquals(2 * used123(first), used123(second), second.toString());
            }
        }
    }

    private static Jvm.Result run(String... args) throws Exception {
        return Jvm.withAgent().config(EXAMPLES.resolve("budgets.yaml")).classpath(EXAMPLES)
                .main("io.budget4j.examples.QuotaServiceExample", args).run();
    }

    private static long used123(Jvm.Result r) {
        Matcher m = TENANT_123.matcher(r.stdout);
        assertTrue(m.find(), r.toString());
        return Long.parseLong(m.group(1));
    }
}
