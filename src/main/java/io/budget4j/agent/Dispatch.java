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

    /** Before a model call: null to go ahead, else the refusal. */
    public static BudgetExhaustedException enterModel(int siteId, BudgetManager run) {
        QuotaGate gate = Engine.quotaGate();
        if (run == null) {
            return outside(siteId, gate);
        }
        BudgetExhaustedException refused = run.tryModelCall(Sites.get(siteId).label, 0);
        if (refused == null && gate != null) {
            refused = quota(siteId, gate);
            if (refused != null) {
                // The step was counted by tryModelCall; the call will not be made, so give it back.
                run.recordModelCall(Sites.get(siteId).label, Sites.get(siteId).model, 0, 0, refused);
            }
        }
        return refused;
    }

    /** After a model call whose return type reports usage: records its tokens. */
    public static void exitModel(int siteId, BudgetManager run, Object returned, Throwable thrown) {
        CallSite site = Sites.get(siteId);
        long tokens = thrown == null ? site.usage.tokensOf(returned) : 0;
        if (tokens < 0) {
            tokens = TextTokens.completionTokens(returned, site.model);
        }
        record(site, run, tokens, thrown);
    }

    /** After a model call that may report no usage: falls back to counting prompt and completion. */
    public static void exitModelCounting(int siteId, BudgetManager run, Object[] args, Object returned,
                                         Throwable thrown) {
        CallSite site = Sites.get(siteId);
        long tokens = thrown == null ? site.usage.tokensOf(returned) : -1;
        if (tokens < 0) {
            tokens = TextTokens.promptTokens(args, site.model)
                    + (thrown == null ? TextTokens.completionTokens(returned, site.model) : 0);
        }
        record(site, run, tokens, thrown);
    }

    private static void record(CallSite site, BudgetManager run, long tokens, Throwable thrown) {
        if (run != null) {
            run.recordModelCall(site.label, site.model, tokens, 0, thrown);
        }
        QuotaGate gate = Engine.quotaGate();
        if (gate != null) {
            String tenant = Frames.currentTenant();
            if (tenant != null) {
                gate.settle(tenant, 0, tokens);
            }
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
