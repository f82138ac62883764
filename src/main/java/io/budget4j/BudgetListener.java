package io.budget4j;

/**
 * Receives what happens to runs, for custom sinks (metrics, tracing, audit). Register with
 * {@link Budget4j#addListener(BudgetListener)}. Methods are called on the thread that made the
 * call, must be quick, and must not throw: a listener that throws is logged and skipped.
 */
public interface BudgetListener {
    /** A run opened. */
    default void runOpened(BudgetManager run) {
    }

    /** A model or tool call finished (normally or by throwing) and was recorded. */
    default void stepRecorded(StepRecord step) {
    }

    /** A call was refused before it was made. */
    default void callRefused(BudgetManager run, BudgetExhaustedException refusal) {
    }

    /** A run's wall-time limit passed; its next call will be refused. Called on a timer thread. */
    default void timeLimitReached(BudgetManager run) {
    }

    /** A run closed. */
    default void runClosed(BudgetManager run) {
    }
}
