package io.budget4j;

import io.budget4j.internal.Observers;
import net.bytebuddy.agent.ByteBuddyAgent;

import java.io.File;
import java.nio.file.Path;

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

    /**
     * Attaches the budget4j agent to this JVM from the application's own code, for when
     * {@code -javaagent} cannot be added to the command line. Call it first thing in {@code main}:
     * classes loaded before are woven too, but only calls made after it are budgeted.
     *
     * @param config the YAML configuration, or null for none
     * @throws IllegalStateException when the agent cannot be attached (e.g. on a JRE without the
     *                               attach API); the configuration's errors are reported the same way
     */
    public static void attach(Path config) {
        try {
            File jar = new File(Budget4j.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            ByteBuddyAgent.attach(jar, Long.toString(ProcessHandle.current().pid()),
                    config == null ? "" : "config=" + config.toAbsolutePath());
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("budget4j: could not attach the agent to this JVM: " + e, e);
        }
    }
}
