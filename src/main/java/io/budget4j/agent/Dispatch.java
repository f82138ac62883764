package io.budget4j.agent;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetManager;
import io.budget4j.BudgetScope;
import io.budget4j.BudgetUsage;
import io.budget4j.Limit;
import io.budget4j.internal.Engine;
import io.budget4j.internal.Frames;
import io.budget4j.internal.Observers;
import io.budget4j.internal.QuotaGate;
import io.budget4j.tokens.TextTokens;

import java.time.Duration;

/**
 * What woven code calls: the bridge from advice (inlined into application classes) to the engine.
 * Everything here runs inside advice that suppresses and logs its own failures, so an error in
 * budget4j lets the call go on unbudgeted; only a refusal reaches the application, as the
 * {@link BudgetExhaustedException} the advice assigns to the method's outcome.
 */
public final class Dispatch {
    private static final BudgetUsage NOTHING_USED = new BudgetUsage(0, 0, Duration.ZERO, 0, 0);

    private Dispatch() {
    }

    // ---------------------------------------------------------------- model calls

    /** A model call made inside another one on the same thread: passed through, counted once. */
    public static final Object NESTED = new Object();

    /**
     * What a model call is part of: the current run (and the call is now open on this thread),
     * {@link #NESTED} inside another model call, or null outside any run.
     */
    public static Object modelCall() {
        Frames.Frame f = Frames.frame();
        if (f == null || f.run == null) {
            return null;
        }
        if (f.modelDepth > 0) {
            return NESTED;
        }
        f.modelDepth = 1;
        return f.run;
    }

    /** Before a model call: null to go ahead, else the refusal. */
    public static BudgetExhaustedException enterModel(int siteId, Object call) {
        if (call == NESTED) {
            return null;
        }
        QuotaGate gate = Engine.quotaGate();
        if (call == null) {
            return outside(siteId, gate);
        }
        BudgetManager run = (BudgetManager) call;
        CallSite site = Sites.get(siteId);
        BudgetExhaustedException refused = run.tryModelCall(site.label, site.reserveTokens);
        if (refused == null && gate != null) {
            refused = quota(siteId, gate);
            if (refused != null) {
                // Counted by tryModelCall, but it will not be made: record it as failed, spending nothing.
                run.recordModelCall(site.label, site.model, 0, site.reserveTokens, refused);
            }
        }
        if (refused != null) {
            closeModelCall();
        }
        return refused;
    }

    /** After a model call whose return type reports usage: records its tokens. */
    public static void exitModel(int siteId, Object call, Object returned, Throwable thrown) {
        if (call == NESTED) {
            return;
        }
        CallSite site = Sites.get(siteId);
        long tokens = thrown == null ? site.usage.tokensOf(returned) : 0;
        if (tokens < 0) {
            tokens = TextTokens.completionTokens(returned, site.model);
        }
        record(site, call, tokens, thrown);
    }

    /** After a model call that may report no usage: falls back to counting prompt and completion. */
    public static void exitModelCounting(int siteId, Object call, Object[] args, Object returned, Throwable thrown) {
        if (call == NESTED) {
            return;
        }
        CallSite site = Sites.get(siteId);
        long tokens = thrown == null ? site.usage.tokensOf(returned) : -1;
        if (tokens < 0) {
            tokens = TextTokens.promptTokens(args, site.model)
                    + (thrown == null ? TextTokens.completionTokens(returned, site.model) : 0);
        }
        record(site, call, tokens, thrown);
    }

    private static void record(CallSite site, Object call, long tokens, Throwable thrown) {
        if (call != null) {
            closeModelCall();
            ((BudgetManager) call).recordModelCall(site.label, site.model, tokens, site.reserveTokens, thrown);
        }
        QuotaGate gate = Engine.quotaGate();
        if (gate != null) {
            String tenant = Frames.currentTenant();
            if (tenant != null) {
                gate.settle(tenant, 0, tokens);
            }
        }
    }

    private static void closeModelCall() {
        Frames.Frame f = Frames.frame();
        if (f != null) {
            f.modelDepth = 0;
        }
    }

    private static BudgetExhaustedException outside(int siteId, QuotaGate gate) {
        CallSite site = Sites.get(siteId);
        if (Engine.denyOutsideRun()) {
            BudgetExhaustedException e = new BudgetExhaustedException(Limit.OUTSIDE_RUN, NOTHING_USED,
                    "Budget refused: " + site.label + " was called outside any run, and the configuration says"
                            + " outside_run: deny. Call it inside a @Budgeted method (or BudgetContext.open),"
                            + " or set outside_run: allow.");
            Observers.refused(null, site.label, e);
            return e;
        }
        Observers.outsideRun(site.kind == CallSite.Kind.MODEL_CALL ? "model" : "tool", site.label);
        return site.kind == CallSite.Kind.MODEL_CALL && gate != null ? quota(siteId, gate) : null;
    }

    private static BudgetExhaustedException quota(int siteId, QuotaGate gate) {
        String tenant = Frames.currentTenant();
        return tenant == null ? null : gate.tryAcquire(tenant, 0, Sites.get(siteId).label);
    }

    // ---------------------------------------------------------------- tool calls

    /** Before a tool call: null to go ahead, else the refusal. Enters one nesting level. */
    public static BudgetExhaustedException enterTool(int siteId, BudgetManager run) {
        if (run == null) {
            return outside(siteId, null);
        }
        int depth = Frames.enterTool(run);
        BudgetExhaustedException refused = run.tryToolCall(Sites.get(siteId).label, depth);
        if (refused != null) {
            Frames.exitTool(run);
        }
        return refused;
    }

    public static void exitTool(int siteId, BudgetManager run, Throwable thrown) {
        if (run != null) {
            Frames.exitTool(run);
            run.recordToolCall(Sites.get(siteId).label, thrown);
        }
    }

    // ---------------------------------------------------------------- runs

    /** Entering a {@code @Budgeted} method: opens its run, a child run inside an open one. */
    public static BudgetScope openRun(int siteId, Object tenant) {
        CallSite site = Sites.get(siteId);
        BudgetScope scope = BudgetContext.open(site.budget, site.label);
        if (tenant != null) {
            Frames.frameForUpdate().tenant = String.valueOf(tenant);
        }
        return scope;
    }

    public static void closeRun(BudgetScope scope) {
        if (scope != null) {
            scope.close();
        }
    }

    /** A {@code @Budgeted} method ended in exhaustion: what its fallback says instead. */
    public static FallbackOutcome fallback(int siteId, Class<?> owner, Object self, Object[] args,
                                            BudgetExhaustedException exhausted) {
        CallSite site = Sites.get(siteId);
        try {
            return site.fallback.invoke(owner, self, args, exhausted);
        } catch (Exception | LinkageError e) {
            Observers.internalError("fallback '" + site.fallback.name + "' of " + site.label + " could not be called",
                    e);
            return new FallbackOutcome(null, exhausted);
        }
    }

    /** Advice failed: logged; the application's call goes on unbudgeted. */
    public static void adviceFailed(Throwable error) {
        Observers.internalError("advice failed", error);
    }
}
