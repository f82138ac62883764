package io.budget4j.agent;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.integrations.PendingModelCall;

/** The state of one adapted model call between its enter and exit advice. Read by woven code. */
public final class AdaptedCall {
    /** The refusal to throw at the call site, or null. */
    public final BudgetExhaustedException refusal;
    /** The arguments to call the method with (possibly wrapped by the adapter). */
    public final Object[] arguments;
    final PendingModelCall pending;
    /** What {@code Calls.beginModel} returned for this call. */
    final Object call;

    AdaptedCall(BudgetExhaustedException refusal, Object[] arguments, PendingModelCall pending, Object call) {
        this.refusal = refusal;
        this.arguments = arguments;
        this.pending = pending;
        this.call = call;
    }
}
