package io.budget4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.budget4j.Priority;
import io.budget4j.config.QuotaSettings.StoreErrorPolicy;
import io.budget4j.config.QuotaSettings.TenantSettings;
import io.budget4j.config.QuotaSettings.Window;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QuotaConfigTest {

    private static QuotaSettings quotas(String yaml) {
        return BudgetConfig.parse(yaml, "budgets.yaml").quotas().orElseThrow();
    }

    private static void assertError(String expectedMessage, String yaml) {
        BudgetConfigException e = assertThrows(BudgetConfigException.class,
                () -> BudgetConfig.parse(yaml, "budgets.yaml"));
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void everySettingIsRead() {
        QuotaSettings q = quotas("""
                quotas:
                  store: rediss://app:s3cret@redis.internal:6380/2
                  window: monthly
                  zone: Europe/Paris
                  daily_tokens: 100000
                  on_store_error: deny
                  reservation_ttl_seconds: 1.5
                  priorities: {low: 0.5, normal: 0.8, high: 1}
                  default_priority: low
                  tenants:
                    acme: {daily_tokens: 50000, priority: high}
                    globex: {priority: normal}
                    initech: {daily_tokens: 0}
                """);

        assertEquals("rediss://app:s3cret@redis.internal:6380/2", q.store());
        assertEquals(Window.MONTHLY, q.window());
        assertEquals(ZoneId.of("Europe/Paris"), q.zone());
        assertEquals(OptionalLong.of(100000), q.defaultTokens());
        assertEquals(StoreErrorPolicy.DENY, q.onStoreError());
        assertEquals(Duration.ofMillis(1500), q.reservationTtl());
        assertEquals(Map.of(Priority.LOW, 0.5, Priority.NORMAL, 0.8, Priority.HIGH, 1.0), q.priorityShares());
        assertEquals(Priority.LOW, q.defaultPriority());
        assertEquals(List.of("acme", "globex", "initech"), List.copyOf(q.tenants().keySet()));
        assertEquals(new TenantSettings(OptionalLong.of(50000), Optional.of(Priority.HIGH)), q.tenants().get("acme"));
        assertEquals(new TenantSettings(OptionalLong.empty(), Optional.of(Priority.NORMAL)),
                q.tenants().get("globex"));
    }

    @Test
    void anEmptyQuotasSectionTurnsQuotasOnWithEveryDefault() {
        QuotaSettings q = quotas("quotas: {}");

        assertEquals("memory", q.store());
        assertEquals(Window.DAILY, q.window());
        assertEquals(ZoneOffset.UTC, q.zone());
        assertEquals(OptionalLong.empty(), q.defaultTokens());
        assertEquals(StoreErrorPolicy.ALLOW, q.onStoreError());
        assertEquals(Duration.ofSeconds(60), q.reservationTtl());
        assertEquals(Map.of(Priority.LOW, 0.7, Priority.NORMAL, 0.9, Priority.HIGH, 1.0), q.priorityShares());
        assertEquals(Priority.NORMAL, q.defaultPriority());
        assertEquals(Map.of(), q.tenants());
    }

    @Test
    void prioritiesLeftOutKeepTheirDefaultShare() {
        QuotaSettings q = quotas("quotas: {priorities: {low: 0.5}}");

        assertEquals(Map.of(Priority.LOW, 0.5, Priority.NORMAL, 0.9, Priority.HIGH, 1.0), q.priorityShares());
    }

    @Test
    void aTenantsOwnSettingsWinOverTheDefaults() {
        QuotaSettings q = quotas("""
                quotas:
                  daily_tokens: 1000
                  default_priority: normal
                  tenants:
                    acme: {daily_tokens: 50000, priority: high}
                    globex: {priority: low}
                """);

        assertEquals(OptionalLong.of(50000), q.tokensFor("acme"));
        assertEquals(OptionalLong.of(1000), q.tokensFor("globex"));
        assertEquals(OptionalLong.of(1000), q.tokensFor("unlisted"));
        assertEquals(Priority.HIGH, q.priorityFor("acme"));
        assertEquals(Priority.LOW, q.priorityFor("globex"));
        assertEquals(Priority.NORMAL, q.priorityFor("unlisted"));
    }

    @Test
    void storeUrlsOfEveryAcceptedFormPass() {
        for (String store : List.of("memory", "redis://localhost:6379", "redis://localhost:6379/0",
                "redis://:pw@localhost:6379/", "rediss://user:p%40ss@cache.example.com:6380/15", "redis://[::1]:6379")) {
            assertEquals(store, quotas("quotas: {store: '" + store + "'}").store(), store);
        }
        assertEquals("memory", quotas("quotas: {store: MEMORY}").store());
    }

    @Test
    void theStorePasswordNeverAppearsInToString() {
        QuotaSettings q = quotas("quotas: {store: 'redis://app:s3cret@host:6379'}");

        assertFalse(q.toString().contains("s3cret"), q.toString());
        assertTrue(q.toString().contains("redis://app:****@host:6379"), q.toString());
    }

    @Test
    void unknownKeyInQuotasSuggestsTheNearest() {
        assertError("budgets.yaml:2:3: unknown key 'dayly_tokens' in 'quotas'; did you mean 'daily_tokens'? Known "
                + "keys: store, window, zone, daily_tokens, on_store_error, reservation_ttl_seconds, priorities, "
                + "default_priority, tenants", "quotas:\n  dayly_tokens: 5\n");
    }

    @Test
    void unknownKeyInATenantSuggestsTheNearest() {
        assertError("budgets.yaml:4:7: unknown key 'priorty' in tenant 'acme'; did you mean 'priority'? Known keys: "
                + "daily_tokens, priority", "quotas:\n  tenants:\n    acme:\n      priorty: high\n");
    }

    @Test
    void storeThatIsNeitherMemoryNorRedisListsTheForms() {
        assertError("budgets.yaml:1:17: unknown quota store 'memroy'; did you mean 'memory'? Use memory, "
                + "redis://[user:password@]host:port[/db] or rediss://... (TLS)", "quotas: {store: memroy}");
        assertError("budgets.yaml:1:17: unknown quota store 'http://cache:6379'; use memory, "
                + "redis://[user:password@]host:port[/db] or rediss://... (TLS)", "quotas: {store: 'http://cache:6379'}");
    }

    @Test
    void redisUrlWithoutAPortAsksForOneAndHidesThePassword() {
        assertError("budgets.yaml:1:17: quota store 'redis://app:****@cache' has no port; add it, e.g. "
                + "redis://cache:6379", "quotas: {store: 'redis://app:s3cret@cache'}");
    }

    @Test
    void redisUrlWithANamedDatabaseAsksForANumber() {
        assertError("budgets.yaml:1:17: quota store 'redis://cache:6379/quotas' names the database '/quotas'; a Redis "
                + "database is a number, e.g. redis://cache:6379/0", "quotas: {store: 'redis://cache:6379/quotas'}");
    }

    @Test
    void malformedRedisUrlAsksForPercentEncodingWithoutShowingThePassword() {
        assertError("budgets.yaml:1:17: quota store 'redis://app:****@cache:6379' is not a valid URL (Illegal "
                + "character in authority); use memory, redis://[user:password@]host:port[/db] or "
                + "rediss://... (TLS), and percent-encode special characters in the user and password (e.g. %40 "
                + "for @)", "quotas: {store: 'redis://app:s3c ret@cache:6379'}");
    }

    @Test
    void unencodedPasswordCharactersAreRefusedWithoutShowingAnyPartOfThePassword() {
        BudgetConfigException e = assertThrows(BudgetConfigException.class,
                () -> BudgetConfig.parse("quotas: {store: 'redis://app:pa@QX/wo#RD@cache:6379'}", "budgets.yaml"));

        assertEquals("budgets.yaml:1:17: quota store 'redis://app:****@cache:6379' has characters in its user or "
                + "password that must be percent-encoded ('@' as %40, '/' as %2F, '?' as %3F, '#' as %23, ':' in the "
                + "user as %3A); use memory, redis://[user:password@]host:port[/db] or rediss://... (TLS)",
                e.getMessage());
        assertFalse(e.getMessage().contains("QX") || e.getMessage().contains("RD"), "no fragment of the password");
    }

    @Test
    void redisUrlWithAnInvalidHostOrPortIsRefused() {
        assertError("budgets.yaml:1:17: quota store 'redis://redis_cache:6379' has no valid host name (letters, "
                + "digits, '-' and '.'; no '_'); write e.g. redis://localhost:6379",
                "quotas: {store: 'redis://redis_cache:6379'}");
        assertError("budgets.yaml:1:17: quota store 'redis://cache:99999' has port 99999; a port is between 1 and "
                + "65535, Redis listens on 6379 by default", "quotas: {store: 'redis://cache:99999'}");
    }

    @Test
    void redisUrlWithAQueryIsRefused() {
        assertError("budgets.yaml:1:17: quota store 'redis://cache:6379?ssl=true' has a query or fragment ('?' or "
                + "'#'), which is not supported; use memory, redis://[user:password@]host:port[/db] or rediss://... "
                + "(TLS)", "quotas: {store: 'redis://cache:6379?ssl=true'}");
    }

    @Test
    void unknownZoneSuggestsTheNearestRegion() {
        assertError("budgets.yaml:1:16: unknown time zone 'Europe/Pari' in 'quotas'; did you mean 'Europe/Paris'? "
                + "Use a region ID like Europe/Paris or America/New_York, UTC, or an offset like +01:00",
                "quotas: {zone: Europe/Pari}");
        assertError("budgets.yaml:1:16: unknown time zone 'Mars/Olympus' in 'quotas'; use a region ID like "
                + "Europe/Paris or America/New_York, UTC, or an offset like +01:00", "quotas: {zone: Mars/Olympus}");
    }

    @Test
    void zoneOffsetsAreAccepted() {
        assertEquals(ZoneOffset.ofHours(2), quotas("quotas: {zone: '+02:00'}").zone());
    }

    @Test
    void invalidWindowListsTheWindows() {
        assertError("budgets.yaml:1:18: window in 'quotas' must be one of daily, monthly, but was 'weekly'",
                "quotas: {window: weekly}");
        assertError("budgets.yaml:1:18: window in 'quotas' must be one of daily, monthly, but was 'dayly'; did you "
                + "mean 'daily'?", "quotas: {window: dayly}");
    }

    @Test
    void invalidPriorityListsThePriorities() {
        assertError("budgets.yaml:1:28: default_priority in 'quotas' must be one of low, normal, high, but was "
                + "'urgent'", "quotas: {default_priority: urgent}");
        assertError("budgets.yaml:1:37: priority in tenant 'acme' must be one of low, normal, high, but was 'hihg'; "
                + "did you mean 'high'?", "quotas: {tenants: {acme: {priority: hihg}}}");
        assertError("budgets.yaml:1:23: unknown key 'urgent' in 'quotas.priorities'; known keys: low, normal, high",
                "quotas: {priorities: {urgent: 1.0}}");
    }

    @Test
    void shareOutsideZeroToOneIsRefused() {
        assertError("budgets.yaml:1:28: low in 'quotas.priorities' must be a number greater than 0 and at most 1, "
                + "but was 1.5; write the share of the quota, e.g. 0.7 for 70%", "quotas: {priorities: {low: 1.5}}");
        assertError("budgets.yaml:1:28: low in 'quotas.priorities' must be a number greater than 0 and at most 1, "
                + "but was 0; write the share of the quota, e.g. 0.7 for 70%", "quotas: {priorities: {low: 0}}");
        assertError("budgets.yaml:1:29: high in 'quotas.priorities' must be a number greater than 0 and at most 1, "
                + "but was -0.1; write the share of the quota, e.g. 0.7 for 70%", "quotas: {priorities: {high: -0.1}}");
        assertError("budgets.yaml:1:28: low in 'quotas.priorities' must be a number greater than 0 and at most 1, "
                + "but was '70%'; write the share of the quota, e.g. 0.7 for 70%", "quotas: {priorities: {low: 70%}}");
    }

    @Test
    void aLowerPriorityMayNotGetALargerShare() {
        assertError("budgets.yaml:1:22: the share of priority low (0.95) is larger than that of normal (0.9) in "
                + "'quotas.priorities'; a higher priority must get at least the share of a lower one: "
                + "low <= normal <= high", "quotas: {priorities: {low: 0.95}}");
    }

    @Test
    void negativeOrNonNumericTokenQuotaIsRefused() {
        assertError("budgets.yaml:1:24: daily_tokens in 'quotas' must be a whole number of at least 0, but was -5; "
                + "write 0 or more, or remove the key for no quota", "quotas: {daily_tokens: -5}");
        assertError("budgets.yaml:1:41: daily_tokens in tenant 'acme' must be a whole number of at least 0, but was "
                + "'lots'; write digits, e.g. 5, or remove the key for no quota",
                "quotas: {tenants: {acme: {daily_tokens: lots}}}");
    }

    @Test
    void invalidStoreErrorPolicyListsTheChoices() {
        assertError("budgets.yaml:1:26: on_store_error in 'quotas' must be one of allow, deny, but was 'retry'",
                "quotas: {on_store_error: retry}");
    }

    @Test
    void reservationTtlMustBePositiveAndAtMostADay() {
        assertError("budgets.yaml:1:35: reservation_ttl_seconds in 'quotas' must be a number greater than 0 and at "
                + "most 86400, but was 0; write e.g. 60, or remove the key for the default of 60 seconds",
                "quotas: {reservation_ttl_seconds: 0}");
        assertError("budgets.yaml:1:35: reservation_ttl_seconds in 'quotas' must be a number greater than 0 and at "
                + "most 86400, but was 100000; write e.g. 60, or remove the key for the default of 60 seconds",
                "quotas: {reservation_ttl_seconds: 100000}");
    }

    @Test
    void aTenantThatIsNotAMappingShowsTheRightShape() {
        assertError("budgets.yaml:1:26: tenant 'acme' must be a mapping of keys to values, like "
                + "{daily_tokens: 50000, priority: high}, but was '50000'", "quotas: {tenants: {acme: 50000}}");
    }
}
