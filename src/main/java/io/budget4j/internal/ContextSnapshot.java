package io.budget4j.internal;

import io.budget4j.BudgetManager;
import io.budget4j.Priority;

/**
 * The budget context of one thread at the moment it handed work to another: run, tool depth,
 * tenant and the priority of its calls. Applied around the task on the thread that runs it, then
 * the thread's own context is put back (a pooled thread never keeps a run it ran a task for).
 */
public final class ContextSnapshot {
    private final BudgetManager run;
    private final int toolDepth;
    private final String tenant;
    private final Priority priority;

    private ContextSnapshot(BudgetManager run, int toolDepth, String tenant, Priority priority) {
        this.run = run;
        this.toolDepth = toolDepth;
        this.tenant = tenant;
        this.priority = priority;
    }

    /** The current thread's context, or null when it has no run and no tenant (nothing to carry). */
    public static ContextSnapshot capture() {
        Frames.Frame f = Frames.frame();
        if (f == null || (f.run == null && f.tenant == null)) {
            return null;
        }
        return new ContextSnapshot(f.run, f.toolDepth, f.tenant, f.priority);
    }

    /** Runs {@code task} on this thread inside the captured context. */
    public void run(Runnable task) {
        Frames.Frame f = Frames.frameForUpdate();
        BudgetManager previousRun = f.run;
        int previousDepth = f.toolDepth;
        String previousTenant = f.tenant;
        Priority previousPriority = f.priority;
        f.run = run;
        f.toolDepth = toolDepth;
        f.tenant = tenant;
        f.priority = priority;
        try {
            task.run();
        } finally {
            f.run = previousRun;
            f.toolDepth = previousDepth;
            f.tenant = previousTenant;
            f.priority = previousPriority;
        }
    }

    /** Calls {@code task} on this thread inside the captured context. */
    public <T> T call(java.util.concurrent.Callable<T> task) throws Exception {
        Frames.Frame f = Frames.frameForUpdate();
        BudgetManager previousRun = f.run;
        int previousDepth = f.toolDepth;
        String previousTenant = f.tenant;
        Priority previousPriority = f.priority;
        f.run = run;
        f.toolDepth = toolDepth;
        f.tenant = tenant;
        f.priority = priority;
        try {
            return task.call();
        } finally {
            f.run = previousRun;
            f.toolDepth = previousDepth;
            f.tenant = previousTenant;
            f.priority = previousPriority;
        }
    }
}
