package io.budget4j.examples.research;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetListener;
import io.budget4j.BudgetManager;
import io.budget4j.StepRecord;

import java.io.PrintStream;
import java.util.Locale;

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
        boolean model = step.kind().equals("model");
        out.printf(Locale.ROOT, "  %-5s %-32s %-12s run so far: %s%s%n", step.kind(), simpleName(step.method()),
                model ? step.tokens() + " tokens" : "", ReportPrinter.used(step.usage()),
                step.failed() ? " (this call threw)" : "");
    }

    /** {@code DocumentSearch#fetchDocument} for {@code io.budget4j.examples.research.DocumentSearch#fetchDocument}. */
    private static String simpleName(String method) {
        int hash = method.indexOf('#');
        int dot = method.lastIndexOf('.', hash < 0 ? method.length() : hash);
        return method.substring(dot + 1);
    }

    @Override
    public void callRefused(BudgetManager run, BudgetExhaustedException refusal) {
        out.println("  refused: " + refusal.limit().yamlKey() + " reached, so the next call was not made");
    }
}
