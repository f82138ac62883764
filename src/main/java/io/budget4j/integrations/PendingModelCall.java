package io.budget4j.integrations;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetManager;
import io.budget4j.Limit;
import io.budget4j.internal.ContextSnapshot;
import io.budget4j.internal.Engine;
import io.budget4j.internal.QuotaGate;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A model call that was allowed and is not recorded yet: the run it counts in, captured when it
 * was made, so a stream or future that ends on another thread is still charged to that run.
 * {@link #finish} records it exactly once.
 */
public final class PendingModelCall {
    private final BudgetManager run;
    private final String method;
    private final String model;
    private final long reserved;
    private final String tenant;
    private final ContextSnapshot context;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean deferred;

    public PendingModelCall(BudgetManager run, String method, String model, long reserved, String tenant) {
        this.run = run;
        this.method = method;
        this.model = model;
        this.reserved = reserved;
        this.tenant = tenant;
        this.context = ContextSnapshot.capture();
    }

    /** The run this call counts in, or null for a call outside any run. */
    public BudgetManager run() {
        return run;
    }

    public String model() {
        return model;
    }

    /** Marks the call as recorded later, by whoever consumes its result. */
    public void defer() {
        deferred = true;
    }

    public boolean isDeferred() {
        return deferred;
    }

    /**
     * The refusal to cut a stream off with, when {@code tokensSoFar} more tokens (not recorded
     * yet) would take the run past its token limit; null while they fit.
     */
    public BudgetExhaustedException cutOff(long tokensSoFar) {
        if (run == null) {
            return null;
        }
        java.util.OptionalLong left = run.remaining().tokens();
        if (left.isPresent() && tokensSoFar > left.getAsLong() + reserved) {
            return new BudgetExhaustedException(Limit.TOKENS, run.usage(), "Budget exhausted: max_tokens reached"
                    + " while " + method + " was streaming (" + tokensSoFar + " tokens streamed, "
                    + (left.getAsLong() + reserved) + " were left); the stream was cut off. Run " + run.id()
                    + " (" + run.origin() + ").");
        }
        return null;
    }

    /** Records the call, once: its tokens, and whether it failed. */
    public void finish(long tokens, Throwable failure) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (run != null) {
            run.recordModelCall(method, model, Math.max(0, tokens), reserved, failure);
        }
        QuotaGate gate = Engine.quotaGate();
        if (gate != null && tenant != null) {
            gate.settle(tenant, 0, Math.max(0, tokens));
        }
    }

    /** Runs a callback of the library's (on whatever thread) inside the call's budget context. */
    public void runInContext(Runnable callback) {
        if (context == null) {
            callback.run();
        } else {
            context.run(callback);
        }
    }
}
