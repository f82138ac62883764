package io.budget4j;

import io.budget4j.internal.Observers;

/** Entry points that are not tied to one run: listeners, and attaching the agent from code. */
public final class Budget4j {
    private Budget4j() {
    }

    /** Adds a listener for runs, steps and refusals, in this JVM. */
    public static void addListener(BudgetListener listener) {
        Observers.addListener(listener);
    }

    public static void removeListener(BudgetListener listener) {
        Observers.removeListener(listener);
    }
}
