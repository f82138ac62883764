package io.budget4j;

import io.budget4j.internal.DeadlineTimer;

import java.util.ArrayList;
import java.util.List;

/** A deadline timer the test fires by hand: time limits without waiting for time. */
final class ManualTimer implements DeadlineTimer {
    private final List<Runnable> pending = new ArrayList<>();
    private int cancelled;

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        pending.add(task);
        return () -> {
            if (pending.remove(task)) {
                cancelled++;
            }
        };
    }

    /** Every pending deadline passes now. */
    void fireAll() {
        List<Runnable> due = new ArrayList<>(pending);
        pending.clear();
        due.forEach(Runnable::run);
    }

    int pending() {
        return pending.size();
    }

    int cancelled() {
        return cancelled;
    }
}
