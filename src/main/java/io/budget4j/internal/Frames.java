package io.budget4j.internal;

import io.budget4j.BudgetManager;
import io.budget4j.Priority;

/**
 * The per-thread budget context: the current run and how deep the thread is inside tool calls.
 * A thread that never touched a run has no frame at all, so a call outside any run allocates
 * nothing.
 */
public final class Frames {
    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private Frames() {
    }

    /** One thread's context. Mutable, touched only by its own thread. */
    public static final class Frame {
        public BudgetManager run;
        public int toolDepth;
        /** The tenant calls on this thread are charged to, or null. */
        public String tenant;
        /** The priority of this thread's calls against the tenant's quota, or null for the tenant's own. */
        public Priority priority;
        /** Model calls open on this thread: one that delegates to another counts once. */
        public int modelDepth;
    }

    /** The tenant of this thread's calls, or null. */
    public static String currentTenant() {
        Frame f = CURRENT.get();
        return f == null ? null : f.tenant;
    }

    /** The current run of this thread, or null. */
    public static BudgetManager currentRun() {
        Frame f = CURRENT.get();
        return f == null ? null : f.run;
    }

    /** This thread's frame, or null if it never had one. */
    public static Frame frame() {
        return CURRENT.get();
    }

    /** This thread's frame, created if needed. */
    public static Frame frameForUpdate() {
        Frame f = CURRENT.get();
        if (f == null) {
            f = new Frame();
            CURRENT.set(f);
        }
        return f;
    }

    /** Enters a tool call of {@code run}; returns its depth (1 when no tool call encloses it). */
    public static int enterTool(BudgetManager run) {
        Frame f = CURRENT.get();
        if (f == null || f.run != run) {
            return 1;
        }
        return ++f.toolDepth;
    }

    /** Leaves a tool call entered with {@link #enterTool}. */
    public static void exitTool(BudgetManager run) {
        Frame f = CURRENT.get();
        if (f != null && f.run == run && f.toolDepth > 0) {
            f.toolDepth--;
        }
    }
}
