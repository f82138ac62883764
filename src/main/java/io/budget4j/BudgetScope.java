package io.budget4j;

import io.budget4j.internal.Frames;

/**
 * A run bound to the current thread by {@link BudgetContext#open}; closing it closes the run and
 * gives the thread back the run it had before (if any). Use with try-with-resources.
 */
public final class BudgetScope implements AutoCloseable {
    private final BudgetManager run;
    private final Frames.Frame frame;
    private final BudgetManager previousRun;
    private final int previousDepth;
    private final int previousModelDepth;
    private final String previousTenant;

    BudgetScope(BudgetManager run, Frames.Frame frame, BudgetManager previousRun, int previousDepth) {
        this.run = run;
        this.frame = frame;
        this.previousRun = previousRun;
        this.previousDepth = previousDepth;
        this.previousModelDepth = frame.modelDepth;
        this.previousTenant = frame.tenant;
        // A run opened inside a model call (a sub-agent) counts its own model calls.
        frame.modelDepth = 0;
    }

    /** The run this scope opened. */
    public BudgetManager run() {
        return run;
    }

    /** Closes the run; later calls through it, from any thread, are refused. */
    @Override
    public void close() {
        run.close();
        // Restore only if this thread is still in this run; a scope closed out of order
        // must not clobber the context of whatever opened after it.
        if (frame.run == run) {
            frame.run = previousRun;
            frame.toolDepth = previousDepth;
            frame.modelDepth = previousModelDepth;
            frame.tenant = previousTenant;
        }
    }
}
