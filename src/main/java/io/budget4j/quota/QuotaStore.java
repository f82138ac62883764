package io.budget4j.quota;

import io.budget4j.quota.redis.RedisQuotaStore;

/**
 * Where tenants' quota counters live. Every operation is atomic on its own: the check and the
 * charge of {@link #tryConsume} and {@link #reserve} can never be split by another caller, in
 * this JVM or (for a shared store) in any other.
 *
 * <p>A window's counters are {@code used} (charged) and {@code reserved} (held by reservations
 * not yet settled). A request of {@code n} tokens is admitted when
 * {@code used + reserved + max(n, 1) <= cap}: a call needs at least one token left. A cap of
 * {@link #NO_CAP} admits everything (the usage is still counted).
 *
 * <p>Reservations are leases: each expires at the time given when it was made, and an expired
 * lease's tokens are freed by later operations, so a holder that dies loses nothing for good.
 * All times are epoch milliseconds of the service's clock, never the store's own.
 *
 * <p>Implementations throw {@link QuotaStoreException} when the store cannot be reached.
 */
public interface QuotaStore extends AutoCloseable {
    long NO_CAP = -1;
    /** The lease id of a refused {@link #reserve}, and of a reservation that holds nothing. */
    long REFUSED = -1;

    /** Charges {@code tokens} if they fit under {@code cap}; true when charged. */
    boolean tryConsume(String tenant, WindowSpan window, long tokens, long cap, long now);

    /** Charges {@code tokens} whatever the cap (the seed's {@code consume_quota}). */
    void consume(String tenant, WindowSpan window, long tokens, long now);

    /**
     * Holds {@code tokens} if they fit under {@code cap}, until {@link #settle} or
     * {@code leaseExpiresAt}.
     *
     * @return the lease, or the refusal with the window's counters (so explaining it costs no
     *         second round trip)
     */
    Admission reserve(String tenant, WindowSpan window, long tokens, long cap, long now, long leaseExpiresAt);

    /**
     * Ends lease {@code leaseId} (which held {@code reservedTokens}) and charges
     * {@code actualTokens}. A lease that already expired is charged all the same.
     */
    void settle(String tenant, WindowSpan window, long leaseId, long reservedTokens, long actualTokens, long now);

    /** The window's counters, after freeing the leases expired at {@code now}. */
    Counters usage(String tenant, WindowSpan window, long now);

    /** Names the store in messages (no password). */
    String description();

    /** Releases connections; idempotent. */
    @Override
    void close();

    /** A window's counters. */
    record Counters(long used, long reserved) {
    }

    /** What {@link #reserve} answered: a lease id, or {@link #REFUSED} and the counters that refused it. */
    record Admission(long leaseId, Counters counters) {
        public boolean admitted() {
            return leaseId != REFUSED;
        }
    }

    /**
     * The store a spec names: {@code memory} (a new {@link InMemoryQuotaStore}), or a Redis URL
     * {@code redis://[user:password@]host:port[/db]} ({@code rediss://} for TLS).
     *
     * @throws IllegalArgumentException when the spec is neither
     */
    static QuotaStore open(String spec) {
        if ("memory".equals(spec)) {
            return new InMemoryQuotaStore();
        }
        if (spec.startsWith("redis://") || spec.startsWith("rediss://")) {
            return RedisQuotaStore.builder(spec).build();
        }
        throw new IllegalArgumentException("quota store must be 'memory' or a Redis URL "
                + "(redis://[user:password@]host:port[/db], rediss:// for TLS), got '" + spec + "'");
    }
}
