package io.budget4j.quota;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuotaWindowTest {
    @Test
    void aDailyWindowRunsFromMidnightToMidnightInItsZone() {
        WindowSpan w = QuotaWindow.DAILY.spanAt(Instant.parse("2025-06-01T03:30:00Z"), ZoneId.of("America/New_York"));
        assertEquals("d2025-05-31", w.id());
        assertEquals(Instant.parse("2025-05-31T04:00:00Z"), w.start());
        assertEquals(Instant.parse("2025-06-01T04:00:00Z"), w.end());
        assertEquals("daily window 2025-05-31 (America/New_York)", w.describe());
    }

    @Test
    void aDayWithADaylightSavingChangeIsShorter() {
        WindowSpan w = QuotaWindow.DAILY.spanAt(Instant.parse("2025-03-30T12:00:00Z"), ZoneId.of("Europe/Paris"));
        assertEquals(23 * 3600_000L, w.endMillis() - w.startMillis());
    }

    @Test
    void aMonthlyWindowRunsFromTheFirstToTheFirst() {
        WindowSpan w = QuotaWindow.MONTHLY.spanAt(Instant.parse("2024-02-29T23:59:59Z"), ZoneId.of("UTC"));
        assertEquals("m2024-02", w.id());
        assertEquals(Instant.parse("2024-02-01T00:00:00Z"), w.start());
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), w.end());
    }

    @Test
    void policyValuesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> QuotaPolicy.builder().dailyTokens(-1));
        assertThrows(IllegalArgumentException.class,
                () -> QuotaPolicy.builder().priorityShare(io.budget4j.Priority.LOW, 1.5));
        assertThrows(IllegalArgumentException.class,
                () -> QuotaPolicy.builder().reservationTtl(java.time.Duration.ZERO));
    }
}
