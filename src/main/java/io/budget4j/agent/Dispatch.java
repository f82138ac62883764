package io.budget4j.agent;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetManager;
import io.budget4j.BudgetScope;
import io.budget4j.integrations.PendingModelCall;
import io.budget4j.internal.Calls;
import io.budget4j.internal.FallbackOutcome;
import io.budget4j.internal.Frames;
import io.budget4j.internal.Observers;
import io.budget4j.tokens.TextTokens;

/**
 * What woven code calls: the bridge from advice (inlined into application classes) to the engine
 * ({@link Calls}), by call-site id. Everything here runs inside advice that suppresses and logs its
 * own failures, so an error in budget4j lets the call go on unbudgeted; only a refusal reaches the
 * application, as the {@link BudgetExhaustedException} the advice assigns to the method's outcome.
 */
public final class Dispatch {
    private Dispatch() {
    }

    // ---------------------------------------------------------------- model calls

    /** See {@link Calls#beginModel()}. */
    public static Object modelCall() {
        try {
            return Calls.beginModel();
        } catch (Throwable e) {
            adviceFailed(e);
            return null;
        }
    }

    /** Before a model call: null to go ahead, else the refusal. */
    public static BudgetExhaustedException enterModel(int siteId, Object call) {
        try {
            CallSite site = Sites.get(siteId);
            return Calls.enterModel(call, site.label, site.model, site.reserveTokens);
        } catch (Throwable e) {
            adviceFailed(e);
            return null;
        }
    }

    /** After a model call whose return type reports usage: records its tokens. */
    public static void exitModel(int siteId, Object call, Object returned, Throwable thrown) {
        try {
            if (!Calls.recordsModelCall(call)) {
                return;
            }
            CallSite site = Sites.get(siteId);
            long tokens = thrown == null ? site.usage.tokensOf(returned) : 0;
            if (tokens < 0) {
                tokens = TextTokens.completionTokens(returned, site.model);
            }
            Calls.exitModel(call, site.label, site.model, site.reserveTokens, tokens, thrown);
        } catch (Throwable e) {
            adviceFailed(e);
        }
    }

    /** After a model call that may report no usage: falls back to counting prompt and completion. */
    public static void exitModelCounting(int siteId, Object call, Object[] args, Object returned, Throwable thrown) {
        try {
            if (!Calls.recordsModelCall(call)) {
                return;
            }
            CallSite site = Sites.get(siteId);
            long tokens = thrown == null ? site.usage.tokensOf(returned) : -1;
            if (tokens < 0) {
                tokens = TextTokens.promptTokens(args, site.model)
                        + (thrown == null ? TextTokens.completionTokens(returned, site.model) : 0);
            }
            Calls.exitModel(call, site.label, site.model, site.reserveTokens, tokens, thrown);
        } catch (Throwable e) {
            adviceFailed(e);
        }
    }

    // ---------------------------------------------------------------- adapted model calls

    /** Before a library's model call that has an adapter. */
    public static AdaptedCall beginAdapted(int siteId, Object self, Object[] args) {
        Object call = Calls.beginModel();
        if (call == Calls.NESTED) {
            return new AdaptedCall(null, args, null, null);
        }
        CallSite site = Sites.get(siteId);
        String model = site.model;
        long reserve = 0;
        try {
            String m = site.adapter.model(self, args);
            model = m == null || m.isEmpty() ? model : m;
            reserve = Math.max(0, site.adapter.reserve(self, args));
        } catch (RuntimeException | LinkageError e) {
            Observers.internalError("the " + site.label + " integration could not read its request", e);
        }
        BudgetExhaustedException refused = Calls.enterModel(call, site.label, model, reserve);
        if (refused != null) {
            return new AdaptedCall(refused, args, null, null);
        }
        BudgetManager run = Calls.runOf(call);
        PendingModelCall pending = new PendingModelCall(run, site.label, model, run == null ? 0 : reserve,
                Frames.currentTenant());
        Object[] arguments = args;
        try {
            arguments = site.adapter.arguments(args, pending);
        } catch (RuntimeException | LinkageError e) {
            Observers.internalError("the " + site.label + " integration could not wrap its arguments", e);
        }
        return new AdaptedCall(null, arguments, pending, call);
    }

    /** After a library's model call that has an adapter: records it now, or when its result ends. */
    public static Object endAdapted(int siteId, AdaptedCall call, Object returned, Throwable thrown) {
        if (call == null || call.pending == null) {
            return returned;
        }
        Calls.endModel(call.call);
        CallSite site = Sites.get(siteId);
        PendingModelCall pending = call.pending;
        if (thrown != null) {
            pending.finish(0, thrown);
            return returned;
        }
        try {
            Object result = site.adapter.result(returned, pending);
            if (!pending.isDeferred()) {
                long tokens = site.adapter.usage(returned);
                if (tokens < 0) {
                    tokens = site.usage.tokensOf(returned);
                }
                if (tokens < 0) {
                    tokens = TextTokens.completionTokens(returned, pending.model());
                }
                pending.finish(tokens, null);
            }
            return result;
        } catch (RuntimeException | LinkageError e) {
            Observers.internalError("the " + site.label + " integration could not read its result", e);
            pending.finish(0, null);
            return returned;
        }
    }

    // ---------------------------------------------------------------- tool calls

    /** Before a tool call: null to go ahead, else the refusal. Enters one nesting level. */
    public static BudgetExhaustedException enterTool(int siteId, BudgetManager run) {
        try {
            return Calls.enterTool(run, Sites.get(siteId).label);
        } catch (Throwable e) {
            adviceFailed(e);
            return null;
        }
    }

    public static void exitTool(int siteId, BudgetManager run, Throwable thrown) {
        try {
            Calls.exitTool(run, Sites.get(siteId).label, thrown);
        } catch (Throwable e) {
            adviceFailed(e);
        }
    }

    /** The thread's current run, for a tool call about to start; never throws. */
    public static BudgetManager currentRun() {
        try {
            return Frames.currentRun();
        } catch (Throwable e) {
            adviceFailed(e);
            return null;
        }
    }

    // ---------------------------------------------------------------- runs

    /** Entering a {@code @Budgeted} method: opens its run, a child run inside an open one. */
    public static BudgetScope openRun(int siteId, Object tenant) {
        try {
            CallSite site = Sites.get(siteId);
            BudgetScope scope = BudgetContext.open(site.budget, site.label);
            if (tenant != null) {
                Frames.frameForUpdate().tenant = String.valueOf(tenant);
            }
            return scope;
        } catch (Throwable e) {
            adviceFailed(e);
            return null;
        }
    }

    public static void closeRun(BudgetScope scope) {
        try {
            if (scope != null) {
                scope.close();
            }
        } catch (Throwable e) {
            adviceFailed(e);
        }
    }

    /** A {@code @Budgeted} method ended in exhaustion: what its fallback says instead. */
    public static FallbackOutcome fallback(int siteId, Class<?> owner, Object self, Object[] args,
                                           BudgetExhaustedException exhausted) {
        return Sites.get(siteId).fallback.call(owner, self, args, exhausted);
    }

    /** Advice failed: logged; the application's call goes on unbudgeted. */
    public static void adviceFailed(Throwable error) {
        Observers.internalError("advice failed", error);
    }
}
