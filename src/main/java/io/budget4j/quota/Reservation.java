package io.budget4j.quota;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tokens held against a tenant's quota for one call, from {@link QuotaService#reserve}: made
 * before the call with an estimate, then {@link #settle settled} with what the call really used
 * (the rest goes back to the tenant), or {@link #release released} if the call was not made.
 *
 * <p>A reservation is a lease: if neither happens before {@link #expiresAt()} (its holder
 * crashed), the store frees its tokens by itself. Only the first settle or release counts;
 * {@link #close()} releases a reservation that was not settled, for try-with-resources.
 */
public final class Reservation implements AutoCloseable {
    private final QuotaService service;
    private final String tenant;
    private final WindowSpan window;
    private final long leaseId;
    private final long tokens;
    private final long expiresAt;
    private final AtomicBoolean done = new AtomicBoolean();

    Reservation(QuotaService service, String tenant, WindowSpan window, long leaseId, long tokens, long expiresAt) {
        this.service = service;
        this.tenant = tenant;
        this.window = window;
        this.leaseId = leaseId;
        this.tokens = tokens;
        this.expiresAt = expiresAt;
    }

    public String tenant() {
        return tenant;
    }

    /** The tokens held. */
    public long tokens() {
        return tokens;
    }

    /** The window the reservation (and its settlement) counts in. */
    public WindowSpan window() {
        return window;
    }

    /** When the store frees the tokens if the reservation is neither settled nor released. */
    public Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    /** True once settled or released. */
    public boolean isDone() {
        return done.get();
    }

    /**
     * Charges {@code actualTokens} (what the call used: more or less than reserved) and frees the
     * hold. Charged even after the lease expired. Later calls do nothing.
     */
    public void settle(long actualTokens) {
        if (actualTokens < 0) {
            throw new IllegalArgumentException("actual tokens must be >= 0, got " + actualTokens);
        }
        if (done.compareAndSet(false, true)) {
            service.settle(this, actualTokens);
        }
    }

    /** Frees the hold without charging anything (the call was not made). */
    public void release() {
        settle(0);
    }

    /** Releases the reservation unless it was settled. */
    @Override
    public void close() {
        release();
    }

    long leaseId() {
        return leaseId;
    }

    @Override
    public String toString() {
        return "Reservation{tenant='" + tenant + "', tokens=" + tokens + ", window=" + window.id()
                + ", expiresAt=" + expiresAt() + (isDone() ? ", done" : "") + "}";
    }
}
