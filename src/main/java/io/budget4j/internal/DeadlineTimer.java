package io.budget4j.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Flips a run's time limit when its deadline passes. A timer, rather than reading the clock on
 * every call, keeps the allow path of a call free of clock reads: a check is one volatile read.
 */
public interface DeadlineTimer {

    /** Runs {@code task} once, {@code delayNanos} from now, unless cancelled first. */
    Cancellable schedule(Runnable task, long delayNanos);

    /** A scheduled deadline that can be cancelled. */
    interface Cancellable {
        void cancel();
    }

    /** The shared timer: one daemon thread, started when the first timed run opens. */
    static DeadlineTimer shared() {
        return Shared.INSTANCE;
    }

    /** Holder idiom: the thread exists only once a run has a time limit. */
    final class Shared implements DeadlineTimer {
        static final Shared INSTANCE = new Shared();
        private final ScheduledThreadPoolExecutor executor;

        private Shared() {
            executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "budget4j-deadlines");
                t.setDaemon(true);
                return t;
            });
            // Cancelled deadlines (runs that finished in time) leave the queue at once.
            executor.setRemoveOnCancelPolicy(true);
        }

        @Override
        public Cancellable schedule(Runnable task, long delayNanos) {
            ScheduledFuture<?> f = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }
    }
}
