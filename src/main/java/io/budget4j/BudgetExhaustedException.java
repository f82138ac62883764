package io.budget4j;

import java.util.Objects;

/**
 * Thrown at the call site when a call would break a limit: the call is not made. Unchecked, so
 * it passes through code that knows nothing of budgets, up to the {@code @Budgeted} method (and
 * its fallback) or to whoever handles it.
 */
public class BudgetExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Limit limit;
    private final transient BudgetUsage usage;

    public BudgetExhaustedException(Limit limit, BudgetUsage usage, String message) {
        super(message);
        this.limit = Objects.requireNonNull(limit, "limit");
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    /** The limit that refused the call. */
    public Limit limit() {
        return limit;
    }

    /** What the run had spent when the call was refused. */
    public BudgetUsage usage() {
        return usage;
    }
}
