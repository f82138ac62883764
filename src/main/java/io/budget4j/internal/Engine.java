package io.budget4j.internal;

import io.budget4j.config.BudgetConfig;
import io.budget4j.config.OutsideRunPolicy;

/**
 * JVM-wide settings of the engine, set once from the configuration (by the agent at start-up, or
 * in code). Plain static volatile fields: read on every call, so they must be cheap.
 */
public final class Engine {
    private static volatile boolean denyOutsideRun;
    private static volatile QuotaGate quotaGate;
    private static volatile BudgetConfig config = BudgetConfig.empty();

    private Engine() {
    }

    /** The configuration in force: profiles and defaults for runs opened from annotations. */
    public static BudgetConfig config() {
        return config;
    }

    /** Puts a configuration in force for this JVM. */
    public static void configure(BudgetConfig newConfig) {
        config = java.util.Objects.requireNonNull(newConfig, "config");
        denyOutsideRun = newConfig.outsideRun() == OutsideRunPolicy.DENY;
    }

    /** {@code outside_run: deny}: model and tool calls outside any run are refused. */
    public static boolean denyOutsideRun() {
        return denyOutsideRun;
    }

    public static void denyOutsideRun(boolean deny) {
        denyOutsideRun = deny;
    }

    /** The quota gate, or null when no quotas are configured. */
    public static QuotaGate quotaGate() {
        return quotaGate;
    }

    public static void quotaGate(QuotaGate gate) {
        quotaGate = gate;
    }
}
