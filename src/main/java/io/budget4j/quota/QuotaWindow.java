package io.budget4j.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The period a tenant's quota covers. A window starts at midnight in the configured zone (on the
 * first of the month for {@link #MONTHLY}) and the quota resets when the next one starts. Nothing
 * runs at midnight: the window is computed from the clock whenever a quota is read.
 */
public enum QuotaWindow {
    DAILY,
    MONTHLY;

    /** The window that contains {@code instant} in {@code zone}. */
    public WindowSpan spanAt(Instant instant, ZoneId zone) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        LocalDate first;
        LocalDate next;
        String id;
        if (this == DAILY) {
            first = day;
            next = day.plusDays(1);
            id = "d" + day;
        } else {
            first = day.withDayOfMonth(1);
            next = first.plusMonths(1);
            id = "m" + first.toString().substring(0, 7);
        }
        // atStartOfDay(zone) handles zones whose midnight falls in a DST gap.
        ZonedDateTime start = first.atStartOfDay(zone);
        ZonedDateTime end = next.atStartOfDay(zone);
        return new WindowSpan(this, zone, id, start.toInstant().toEpochMilli(), end.toInstant().toEpochMilli());
    }

    /** The lower-case name used in YAML and messages ({@code daily}, {@code monthly}). */
    public String label() {
        return this == DAILY ? "daily" : "monthly";
    }
}
