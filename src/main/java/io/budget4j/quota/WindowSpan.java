package io.budget4j.quota;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One window of a quota: from {@code startMillis} (inclusive) to {@code endMillis} (exclusive),
 * epoch milliseconds. {@code id} names it in store keys ({@code d2025-01-15}, {@code m2025-01}).
 */
public record WindowSpan(QuotaWindow window, ZoneId zone, String id, long startMillis, long endMillis) {

    public boolean contains(long epochMillis) {
        return epochMillis >= startMillis && epochMillis < endMillis;
    }

    public Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    /** When this window ends and the quota resets. */
    public Instant end() {
        return Instant.ofEpochMilli(endMillis);
    }

    /** For messages: {@code daily window 2025-01-15 (Europe/Paris)}. */
    public String describe() {
        String z = zone.equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
        return window.label() + " window " + id.substring(1) + " (" + z + ")";
    }
}
