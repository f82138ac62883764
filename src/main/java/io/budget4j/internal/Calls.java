package io.budget4j.internal;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetManager;
import io.budget4j.BudgetUsage;
import io.budget4j.Limit;

import java.time.Duration;

/**
 * Check before, record after: the one implementation of what happens around a model or tool
 * call, shared by the agent's advice and the AspectJ aspect. Nothing here allocates when a call
 * is allowed.
 */
public final class Calls {
    /** A model call made inside another one on the same thread: passed through, counted once. */
    public static final Object NESTED = new Object();

    private static final BudgetUsage NOTHING_USED = new BudgetUsage(0, 0, Duration.ZERO, 0, 0);

    private Calls() {
    }

    /**
     * What a model call about to start is part of: the thread's frame, whose run it counts in
     * (the call is now open on this thread); {@link #NESTED} inside another model call; or null
     * outside any run. The frame is handed back at exit, so the call looks nothing up twice.
     */
    public static Object beginModel() {
        Frames.Frame f = Frames.frame();
        if (f == null || f.run == null) {
            return null;
        }
        if (f.modelDepth > 0) {
            return NESTED;
        }
        f.modelDepth = 1;
        return f;
    }

    /** The run a call begun with {@link #beginModel} counts in, or null. */
    public static BudgetManager runOf(Object call) {
        return call instanceof Frames.Frame ? ((Frames.Frame) call).run : null;
    }

    /** Before a model call begun with {@link #beginModel}: null to go ahead, else the refusal. */
    public static BudgetExhaustedException enterModel(Object call, String method, String model, long reserveTokens) {
        if (call == NESTED) {
            return null;
        }
        QuotaGate gate = Engine.quotaGate();
        if (call == null) {
            return outside(method, true, gate);
        }
        Frames.Frame frame = (Frames.Frame) call;
        BudgetManager run = frame.run;
        BudgetExhaustedException refused = run.tryModelCall(method, reserveTokens);
        if (refused == null && gate != null) {
            refused = quota(method, gate);
            if (refused != null) {
                // Counted by tryModelCall, but it will not be made: recorded as failed, spending nothing.
                run.recordModelCall(method, model, 0, reserveTokens, refused);
            }
        }
        if (refused != null) {
            frame.modelDepth = 0;
        }
        return refused;
    }

    /**
     * Whether a model call's tokens must be worked out when it returns: in a run, or outside one
     * when a tenant quota is charged. Outside any run without quotas nothing is counted.
     */
    public static boolean recordsModelCall(Object call) {
        return call != NESTED && (call != null || Engine.quotaGate() != null);
    }

    /** After a model call that {@link #enterModel} allowed: records its tokens, also when it threw. */
    public static void exitModel(Object call, String method, String model, long reserveTokens, long tokens,
                                 Throwable thrown) {
        if (call == NESTED) {
            return;
        }
        if (call != null) {
            Frames.Frame frame = (Frames.Frame) call;
            frame.modelDepth = 0;
            frame.run.recordModelCall(method, model, tokens, reserveTokens, thrown);
        }
        settleQuota(tokens);
    }

    /** The model call begun with {@link #beginModel} has ended (it is recorded elsewhere). */
    public static void endModel(Object call) {
        if (call instanceof Frames.Frame) {
            ((Frames.Frame) call).modelDepth = 0;
        }
    }

    /** Charges the current tenant for tokens spent, if quotas are on. */
    public static void settleQuota(long tokens) {
        QuotaGate gate = Engine.quotaGate();
        if (gate != null) {
            String tenant = Frames.currentTenant();
            if (tenant != null) {
                gate.settle(tenant, 0, tokens);
            }
        }
    }

    /** Before a tool call in {@code run} (null outside any run): null to go ahead, else the refusal. */
    public static BudgetExhaustedException enterTool(BudgetManager run, String method) {
        if (run == null) {
            return outside(method, false, null);
        }
        int depth = Frames.enterTool(run);
        BudgetExhaustedException refused = run.tryToolCall(method, depth);
        if (refused != null) {
            Frames.exitTool(run);
        }
        return refused;
    }

    /** After a tool call that {@link #enterTool} allowed. */
    public static void exitTool(BudgetManager run, String method, Throwable thrown) {
        if (run != null) {
            Frames.exitTool(run);
            run.recordToolCall(method, thrown);
        }
    }

    /** A call outside any run: allowed (and logged) unless {@code outside_run: deny}; quotas still apply. */
    public static BudgetExhaustedException outside(String method, boolean model, QuotaGate gate) {
        if (Engine.denyOutsideRun()) {
            BudgetExhaustedException e = new BudgetExhaustedException(Limit.OUTSIDE_RUN, NOTHING_USED,
                    "Budget refused: " + method + " was called outside any run, and the configuration says"
                            + " outside_run: deny. Call it inside a @Budgeted method (or BudgetContext.open),"
                            + " or set outside_run: allow.");
            Observers.refused(null, method, e);
            return e;
        }
        Observers.outsideRun(model ? "model" : "tool", method);
        return model && gate != null ? quota(method, gate) : null;
    }

    private static BudgetExhaustedException quota(String method, QuotaGate gate) {
        String tenant = Frames.currentTenant();
        return tenant == null ? null : gate.tryAcquire(tenant, 0, method);
    }
}
