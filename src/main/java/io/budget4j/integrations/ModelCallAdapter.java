package io.budget4j.integrations;

/**
 * What budget4j must know about one library's model call that a plain rule cannot say: where the
 * usage is, which model, how many tokens to hold, and, for results consumed later (streams,
 * futures), how to record when they end. Implementations never link against the library (the
 * agent lives on the boot class path and cannot see it): reflection and JDK types only.
 */
public interface ModelCallAdapter {
    /** Tokens the call's result reports, or -1 to leave it to the generic usage reader. */
    default long usage(Object result) {
        return -1;
    }

    /** The model's name for this call, or null if unknown. */
    default String model(Object self, Object[] args) {
        return null;
    }

    /** Tokens to hold for this call until it reports its usage (its max output tokens), or 0. */
    default long reserve(Object self, Object[] args) {
        return 0;
    }

    /**
     * The call's arguments, possibly wrapped (e.g. a streaming handler that counts and cuts off
     * the stream). Called before the call is made, only when it is allowed.
     */
    default Object[] arguments(Object[] args, PendingModelCall call) {
        return args;
    }

    /**
     * The call's result, possibly wrapped so that {@link PendingModelCall#finish} runs when it is
     * consumed (a stream, a future). Return the result itself to have the call recorded now.
     */
    default Object result(Object result, PendingModelCall call) {
        return result;
    }
}
