package io.budget4j.it;

import io.budget4j.Budget4j;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetListener;
import io.budget4j.BudgetManager;
import io.budget4j.BudgetUsage;
import io.budget4j.StepRecord;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The main class of a forked test-app JVM: registers a {@link BudgetListener} that prints what
 * budget4j recorded ({@code BUDGET_STEP=}, {@code BUDGET_REFUSED=}, {@code BUDGET_RUN=} lines),
 * then runs the unmodified app's own {@code main}. The app stays free of budget4j; only this
 * observer, standing where an operator's metrics sink would, knows the API.
 *
 * <p>Arguments: the app's class name, then the app's own arguments.
 */
public final class BudgetReportingMain {
    private BudgetReportingMain() {
    }

    public static void main(String[] args) throws Throwable {
        Budget4j.addListener(new BudgetListener() {
            @Override
            public void stepRecorded(StepRecord step) {
                print("BUDGET_STEP", "kind=" + step.kind() + " method=" + step.method() + " model=" + step.model()
                        + " tokens=" + step.tokens() + " failed=" + step.failed() + " run=" + step.runId());
            }

            @Override
            public void callRefused(BudgetManager run, BudgetExhaustedException refusal) {
                print("BUDGET_REFUSED", "limit=" + refusal.limit() + " " + usage(refusal.usage()) + " run=" + run.id());
            }

            @Override
            public void runClosed(BudgetManager run) {
                print("BUDGET_RUN", usage(run.usage()) + " run=" + run.id() + " origin=" + run.origin());
            }
        });
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String usage(BudgetUsage u) {
        return "steps=" + u.steps() + " tokens=" + u.tokens() + " modelCalls=" + u.modelCalls() + " toolCalls=" + u.toolCalls();
    }

    private static void print(String key, String value) {
        System.out.println(key + "=" + value.replace('\n', ' '));
    }
}
