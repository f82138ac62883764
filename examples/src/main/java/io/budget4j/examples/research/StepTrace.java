package io.budget4j.examples.research;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetListener;
import io.budget4j.BudgetManager;
import io.budget4j.StepRecord;

import java.io.PrintStream;

/**
 * Prints every step of a run as it is recorded, and every refused call: the seed's "log budget
 * usage for every step", through a {@link BudgetListener}. (budget4j also logs each step through
 * {@code System.Logger} at DEBUG, and emits JFR events.)
 */
public final class StepTrace implements BudgetListener {
    private final PrintStream out;

    public StepTrace(PrintStream out) {
        this.out = out;
    }

    @Override
    public void stepRecorded(StepRecord step) {
        String what = step.kind() + " " + step.method() + (step.model().isEmpty() ? "" : " (" + step.model() + ")");
        out.printf("  %-62s %s tokens; run so far: %s%n", what, step.kind().equals("model") ? step.tokens() : "-",
                ReportPrinter.used(step.usage()));
    }

    @Override
    public void callRefused(BudgetManager run, BudgetExhaustedException refusal) {
        out.println("  refused: " + refusal.limit().yamlKey() + " reached, the call was not made");
    }
}
