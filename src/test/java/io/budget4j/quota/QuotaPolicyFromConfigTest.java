package io.budget4j.quota;

import io.budget4j.Priority;
import io.budget4j.config.BudgetConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The YAML {@code quotas:} section, as loaded by the config loader, drives the service. */
class QuotaPolicyFromConfigTest {
    @Test
    void everySettingOfTheYamlReachesThePolicy() {
        BudgetConfig config = BudgetConfig.parse("""
                quotas:
                  store: memory
                  window: monthly
                  zone: Europe/Paris
                  daily_tokens: 1000
                  on_store_error: deny
                  reservation_ttl_seconds: 30
                  priorities: {low: 0.5, normal: 0.8}
                  default_priority: high
                  tenants:
                    acme: {daily_tokens: 5000, priority: low}
                    globex: {priority: normal}
                """, "quotas.yaml");
        QuotaPolicy p = QuotaPolicy.from(config.quotas().orElseThrow());
        assertEquals("memory", p.store());
        assertEquals(QuotaWindow.MONTHLY, p.window());
        assertEquals(ZoneId.of("Europe/Paris"), p.zone());
        assertEquals(OptionalLong.of(1000), p.defaultTokens());
        assertEquals(StoreErrorPolicy.DENY, p.onStoreError());
        assertEquals(Duration.ofSeconds(30), p.reservationTtl());
        assertEquals(0.5, p.priorityShares().get(Priority.LOW));
        assertEquals(0.8, p.priorityShares().get(Priority.NORMAL));
        assertEquals(1.0, p.priorityShares().get(Priority.HIGH));
        assertEquals(Priority.HIGH, p.defaultPriority());

        MutableClock clock = MutableClock.at("2025-03-14T10:00:00Z");
        QuotaService quotas = QuotaService.create(p, new InMemoryQuotaStore(), clock);
        assertEquals(2_500, quotas.remaining("acme"), "acme: its own 5000 at low priority (50%)");
        assertEquals(800, quotas.remaining("globex"), "globex: the default 1000 at normal (80%)");
        assertEquals(1_000, quotas.remaining("anyone"), "anyone else: the default at the default priority");
        assertEquals(Instant.parse("2025-03-31T22:00:00Z"), quotas.usage("acme").resetsAt(),
                "monthly, at midnight in Paris");
    }

    @Test
    void withoutAnyQuotaEveryTenantIsCountedNotLimited() {
        QuotaPolicy p = QuotaPolicy.from(BudgetConfig.parse("quotas: {store: memory}", "q.yaml").quotas().orElseThrow());
        QuotaService quotas = QuotaService.create(p, new InMemoryQuotaStore());
        assertTrue(quotas.tryConsume("acme", Long.MAX_VALUE / 2));
        assertTrue(quotas.usage("acme").unlimited());
        assertFalse(quotas.usage("acme").used() == 0);
    }
}
