package io.budget4j.agent;

import io.budget4j.internal.Fallback;

import io.budget4j.RunBudget;
import io.budget4j.integrations.ModelCallAdapter;
import io.budget4j.tokens.UsageReader;

/**
 * What the agent knows about one woven method, resolved once when its class is woven: woven code
 * refers to it by an int constant, so a call looks nothing up by name.
 */
public final class CallSite {
    /** What a woven method is. */
    public enum Kind { BUDGETED, MODEL_CALL, TOOL_CALL }

    final Kind kind;
    /** {@code Type#method}, as shown in logs and messages. */
    final String label;
    /** The model's name (model calls), else empty. */
    final String model;
    /** The run budget (budgeted methods), else null. */
    final RunBudget budget;
    /** The fallback (budgeted methods with one), else null. */
    final Fallback fallback;
    /** What a built-in integration knows about this call, or null. */
    final ModelCallAdapter adapter;
    /** Tokens held per call until it reports its usage (model calls), else 0. */
    final long reserveTokens;
    /** Remembers how this site's responses report usage (model calls). */
    final UsageReader.Site usage = new UsageReader.Site();

    CallSite(Kind kind, String label, String model, RunBudget budget, Fallback fallback) {
        this(kind, label, model, budget, fallback, 0);
    }

    CallSite(Kind kind, String label, String model, RunBudget budget, Fallback fallback, long reserveTokens) {
        this(kind, label, model, budget, fallback, reserveTokens, null);
    }

    CallSite(Kind kind, String label, String model, RunBudget budget, Fallback fallback, long reserveTokens,
             ModelCallAdapter adapter) {
        this.reserveTokens = reserveTokens;
        this.adapter = adapter;
        this.kind = kind;
        this.label = label;
        this.model = model == null ? "" : model;
        this.budget = budget;
        this.fallback = fallback;
    }

    @Override
    public String toString() {
        return kind + " " + label;
    }
}
