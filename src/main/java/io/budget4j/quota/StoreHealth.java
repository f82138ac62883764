package io.budget4j.quota;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tracks whether the quota store answers, and says so in the log: one warning when it stops
 * answering and then at most one per interval while it stays down (with how many operations
 * failed meanwhile), one message when it answers again. Never one line per call.
 */
final class StoreHealth {
    private static final Logger LOG = System.getLogger("io.budget4j.quota");

    private final String store;
    private final StoreErrorPolicy policy;
    private final long intervalNanos;
    private final AtomicLong failuresSinceWarning = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong lastWarningNanos = new AtomicLong();
    private volatile boolean down;

    StoreHealth(String store, StoreErrorPolicy policy, java.time.Duration interval) {
        this.store = store;
        this.policy = policy;
        this.intervalNanos = interval.toNanos();
    }

    /** An operation reached the store. Cheap: one volatile read when the store was up. */
    void ok() {
        if (down) {
            recovered();
        }
    }

    /** An operation could not reach the store. */
    void failed(String operation, RuntimeException e) {
        failures.incrementAndGet();
        long failures = failuresSinceWarning.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarningNanos.get();
        boolean first = !down;
        down = true;
        if ((first || now - last >= intervalNanos) && lastWarningNanos.compareAndSet(last, now)) {
            failuresSinceWarning.addAndGet(-failures);
            LOG.log(Level.WARNING, "Quota store " + store + " cannot be reached (" + operation + ": " + e.getMessage()
                    + "); " + failures + " operation(s) failed since the last warning; calls are "
                    + (policy == StoreErrorPolicy.ALLOW ? "let through uncounted" : "refused")
                    + " (on_store_error: " + policy.name().toLowerCase(java.util.Locale.ROOT)
                    + ") until it answers again", e);
        }
    }

    private synchronized void recovered() {
        if (down) {
            down = false;
            LOG.log(Level.INFO, "Quota store " + store + " answers again; quotas are enforced again");
        }
    }

    /** Operations that could not reach the store, in all. */
    long failures() {
        return failures.get();
    }
}
