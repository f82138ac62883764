package io.budget4j.examples.research;

import io.budget4j.BudgetManager;
import io.budget4j.BudgetRemaining;
import io.budget4j.BudgetUsage;
import io.budget4j.RunBudget;

/**
 * A run's budget as the seed's {@code result["budget_used"]} reports it: the limits, what was
 * used and what is left, taken from the run's {@link BudgetManager}.
 */
public record BudgetReport(RunBudget limits, BudgetUsage used, BudgetRemaining remaining) {
    public static BudgetReport of(BudgetManager run) {
        return new BudgetReport(run.budget(), run.usage(), run.remaining());
    }
}
