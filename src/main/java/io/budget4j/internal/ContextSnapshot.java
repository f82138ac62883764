package io.budget4j.internal;

import io.budget4j.BudgetManager;

/**
 * The budget context of one thread at the moment it handed work to another: run, tool depth and
 * tenant. Applied around the task on the thread that runs it, then the thread's own context is
 * put back (a pooled thread never keeps a run it ran a task for).
 */
public final class ContextSnapshot {
    private final BudgetManager run;
    private final int toolDepth;
    private final String tenant;

    private ContextSnapshot(BudgetManager run, int toolDepth, String tenant) {
        this.run = run;
        this.toolDepth = toolDepth;
        this.tenant = tenant;
    }

    /** The current thread's context, or null when it has no run and no tenant (nothing to carry). */
    public static ContextSnapshot capture() {
        Frames.Frame f = Frames.frame();
        if (f == null || (f.run == null && f.tenant == null)) {
            return null;
        }
        return new ContextSnapshot(f.run, f.toolDepth, f.tenant);
    }

    /** Runs {@code task} on this thread inside the captured context. */
    public void run(Runnable task) {
        Frames.Frame f = Frames.frameForUpdate();
        BudgetManager previousRun = f.run;
        int previousDepth = f.toolDepth;
        String previousTenant = f.tenant;
        f.run = run;
        f.toolDepth = toolDepth;
        f.tenant = tenant;
        try {
            task.run();
        } finally {
            f.run = previousRun;
            f.toolDepth = previousDepth;
            f.tenant = previousTenant;
        }
    }

    /** Calls {@code task} on this thread inside the captured context. */
    public <T> T call(java.util.concurrent.Callable<T> task) throws Exception {
        Frames.Frame f = Frames.frameForUpdate();
        BudgetManager previousRun = f.run;
        int previousDepth = f.toolDepth;
        String previousTenant = f.tenant;
        f.run = run;
        f.toolDepth = toolDepth;
        f.tenant = tenant;
        try {
            return task.call();
        } finally {
            f.run = previousRun;
            f.toolDepth = previousDepth;
            f.tenant = previousTenant;
        }
    }
}
