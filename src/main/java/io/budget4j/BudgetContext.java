package io.budget4j;

import io.budget4j.internal.ContextExecutorService;
import io.budget4j.internal.ContextTasks;
import io.budget4j.internal.DeadlineTimer;
import io.budget4j.internal.Frames;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The run bound to the current thread. The agent's {@code @Budgeted} advice uses it; code without
 * the agent uses it directly:
 *
 * <pre>{@code
 * try (BudgetScope scope = BudgetContext.open(RunBudget.of(5, 2000, 10))) {
 *     agent.answer(question);          // @ModelCall / @ToolCall methods count in this run
 *     BudgetUsage used = scope.run().usage();
 * }
 * }</pre>
 */
public final class BudgetContext {
    private BudgetContext() {
    }

    /** The current thread's run, if one is open. */
    public static Optional<BudgetManager> current() {
        return Optional.ofNullable(Frames.currentRun());
    }

    /**
     * Opens a run bound to this thread until the scope closes. Inside an open run it opens a child
     * run: each call counts in both, and the child can never spend more than the parent has left.
     */
    public static BudgetScope open(RunBudget budget) {
        return open(budget, "BudgetContext.open");
    }

    /** As {@link #open(RunBudget)}, with the name shown for this run in logs and messages. */
    public static BudgetScope open(RunBudget budget, String origin) {
        return open(budget, origin, DeadlineTimer.shared());
    }

    /**
     * The task, made to run in this thread's current run (and tool depth and tenant) on whatever
     * thread runs it. The agent does this by itself for JDK executors; without the agent, wrap.
     * Outside a run the task itself is returned.
     */
    public static Runnable wrap(Runnable task) {
        return ContextTasks.wrap(task);
    }

    /** As {@link #wrap(Runnable)}, for a {@link Callable}. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        return ContextTasks.wrap(task);
    }

    /**
     * An executor whose tasks run in the run that was current on the thread that submitted each
     * task (captured at submission, not at wrapping).
     */
    public static Executor wrap(Executor executor) {
        java.util.Objects.requireNonNull(executor, "executor");
        return command -> executor.execute(ContextTasks.wrap(command));
    }

    /** As {@link #wrap(Executor)}, for every way of submitting to an {@link ExecutorService}. */
    public static ExecutorService wrap(ExecutorService executor) {
        return new ContextExecutorService(executor);
    }

    static BudgetScope open(RunBudget budget, String origin, DeadlineTimer timer) {
        Frames.Frame frame = Frames.frameForUpdate();
        BudgetManager previous = frame.run;
        int previousDepth = frame.toolDepth;
        BudgetManager run = new BudgetManager(budget, previous, origin, timer);
        frame.run = run;
        // Tool calls that enclose a child run still count toward its nesting depth.
        frame.toolDepth = previous == null ? 0 : previousDepth;
        return new BudgetScope(run, frame, previous, previousDepth);
    }
}
