package io.budget4j.quota;

import io.budget4j.Priority;

import java.time.Instant;

/**
 * A tenant's quota in its current window: a snapshot.
 *
 * @param tenant         the tenant
 * @param window         the current window (its start, and its end: when the quota resets)
 * @param priority       the priority {@link #allowed} is computed for
 * @param limit          the tenant's quota per window, or -1 when it has none (unlimited)
 * @param allowed        what calls of {@code priority} may use: {@code limit} times the priority's
 *                       share (-1 when unlimited)
 * @param used           tokens charged in this window
 * @param reserved       tokens held by reservations not yet settled (calls in flight)
 * @param storeReachable false when the store could not be read: {@code used} and {@code reserved}
 *                       are then 0 and {@link #remaining()} follows {@code on_store_error}
 *                       ({@code allow}: all of {@code allowed}; {@code deny}: none)
 */
public record QuotaUsage(String tenant, WindowSpan window, Priority priority, long limit, long allowed,
        long used, long reserved, boolean storeReachable) {

    /** True when the tenant has no quota: its usage is counted, never refused. */
    public boolean unlimited() {
        return limit < 0;
    }

    /** Tokens calls of {@link #priority} can still be admitted for; {@code Long.MAX_VALUE} when unlimited. */
    public long remaining() {
        if (unlimited()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, allowed - used - reserved);
    }

    public Instant windowStart() {
        return window.start();
    }

    /** When the window ends and the quota starts afresh. */
    public Instant resetsAt() {
        return window.end();
    }

    @Override
    public String toString() {
        return "tenant '" + tenant + "', " + window.describe() + ": used " + used + ", reserved " + reserved
                + ", allowed " + (unlimited() ? "unlimited" : allowed + " of " + limit + " (priority " + priority + ")")
                + ", resets at " + resetsAt() + (storeReachable ? "" : " [store unreachable]");
    }
}
