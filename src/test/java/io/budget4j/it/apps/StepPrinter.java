package io.budget4j.it.apps;

import io.budget4j.Budget4j;
import io.budget4j.BudgetListener;
import io.budget4j.BudgetManager;
import io.budget4j.StepRecord;

/**
 * Runs another main class with a listener that prints each recorded step and each closed run,
 * so a test can see what the agent did to an application that imports nothing of budget4j.
 * Usage: {@code StepPrinter <main class> <args...>}.
 */
public final class StepPrinter {
    private StepPrinter() {
    }

    public static void main(String[] args) throws Exception {
        Budget4j.addListener(new BudgetListener() {
            @Override
            public void stepRecorded(StepRecord step) {
                System.out.println("STEP=" + step.kind() + " " + step.method() + " model=" + step.model()
                        + " tokens=" + step.tokens());
            }

            @Override
            public void runClosed(BudgetManager run) {
                System.out.println("RUN=" + run.origin() + " " + run.usage());
            }
        });
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
    }
}
