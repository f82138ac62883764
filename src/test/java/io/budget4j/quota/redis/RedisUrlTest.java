package io.budget4j.quota.redis;

import io.budget4j.quota.QuotaStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisUrlTest {
    @Test
    void hostAloneTakesTheDefaults() {
        RedisUrl u = RedisUrl.parse("redis://cache.internal");
        assertEquals(new RedisUrl("cache.internal", 6379, null, null, 0, false), u);
    }

    @Test
    void userPasswordPortAndDatabase() {
        RedisUrl u = RedisUrl.parse("redis://app:p%40ss%3Aword@10.0.0.5:6380/4");
        assertEquals("app", u.user());
        assertEquals("p@ss:word", u.password());
        assertEquals(6380, u.port());
        assertEquals(4, u.database());
        assertFalse(u.tls());
    }

    @Test
    void aPasswordWithoutUserEitherWay() {
        assertEquals("secret", RedisUrl.parse("redis://:secret@h:1").password());
        assertNull(RedisUrl.parse("redis://:secret@h:1").user());
        assertEquals("secret", RedisUrl.parse("redis://secret@h:1").password(), "a lone user-info is the password");
    }

    @Test
    void redissMeansTls() {
        assertTrue(RedisUrl.parse("rediss://h:6380").tls());
    }

    @Test
    void passwordsNeverShowInMessages() {
        assertEquals("redis://app:***@h:1/2", RedisUrl.parse("redis://app:hunter2@h:1/2").redacted());
        assertEquals("redis://:***@h:6379/0", RedisUrl.redact("redis://:hunter2@h"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisUrl.parse("redis://:hunter2@h:1/zero"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("database number"), e.getMessage());
        assertTrue(e.getMessage().contains("expected redis://[[user]:password@]host[:port][/db]"), e.getMessage());
    }

    @Test
    void badUrlsSayWhatWouldBeRight() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("http://h:1")).getMessage()
                .contains("scheme must be redis or rediss"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("redis://h:1/0?timeout=5"))
                .getMessage().contains("no query"));
        IllegalArgumentException store = assertThrows(IllegalArgumentException.class,
                () -> QuotaStore.open("postgres://db"));
        assertTrue(store.getMessage().contains("'memory' or a Redis URL"), store.getMessage());
    }
}
