package io.budget4j.it;

import io.budget4j.it.quota.QuotaAgentApp;
import io.budget4j.quota.RedisServer;
import io.budget4j.testing.Jvm;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged agent jar, with its shaded Redis client, enforces a tenant's quota on woven model
 * calls: what a user runs, against a real Redis.
 */
class QuotaAgentJarIT {
    @Test
    void wovenModelCallsAreChargedToTheTenantInRedisUntilTheQuotaRefusesOne() throws Exception {
        try (RedisServer redis = RedisServer.forTests()) {
            Jvm.Result r = Jvm.withAgent().main(QuotaAgentApp.class, redis.url(), "100").run();
            assertEquals(0, r.exitCode, r.toString());
            assertTrue(r.value("REFUSED").startsWith("QUOTA: Quota exhausted: tenant 'acme'"), r.toString());
            int calls = Integer.parseInt(r.value("CALLS"));
            long used = Long.parseLong(r.value("USED"));
            assertTrue(calls > 1, r.toString());
            assertTrue(used >= 100, "the quota was spent: " + r);
            assertTrue(used < 100 + used / calls + 1, "past the quota by at most the one call in flight: " + r);
            assertFalse(r.stderr.contains("SLF4J"), "the shaded SLF4J finds its provider quietly: " + r.stderr);
            assertFalse(r.stderr.contains("SEVERE"), "nothing failed: " + r.stderr);
        }
    }
}
