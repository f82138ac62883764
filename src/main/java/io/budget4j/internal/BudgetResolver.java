package io.budget4j.internal;

import io.budget4j.RunBudget;
import io.budget4j.config.BudgetConfig;

/**
 * The budget of a run opened by a {@code @Budgeted} method: its attributes where set, else its
 * named profile, else the configuration's defaults. Shared by the agent and the AspectJ aspect.
 */
public final class BudgetResolver {
    private BudgetResolver() {
    }

    /**
     * @throws IllegalArgumentException when the profile is unknown or an attribute is negative;
     *                                  the message says which and what would be right
     */
    public static RunBudget resolve(BudgetConfig config, String where, String profile, int maxSteps, long maxTokens,
                                    double maxSeconds, int maxNestedToolCalls) {
        RunBudget base;
        if (profile == null || profile.isEmpty()) {
            base = config.defaults();
        } else {
            base = config.profile(profile).orElseThrow(() -> new IllegalArgumentException(
                    "@Budgeted(profile = \"" + profile + "\") on " + where + ": no such profile in "
                            + config.source() + "; known profiles: " + config.profiles().keySet()));
        }
        RunBudget.Builder b = base.toBuilder();
        try {
            if (maxSteps != 0) {
                b.maxSteps(maxSteps);
            }
            if (maxTokens != 0) {
                b.maxTokens(maxTokens);
            }
            if (maxSeconds != 0) {
                b.maxSeconds(maxSeconds);
            }
            if (maxNestedToolCalls != 0) {
                b.maxNestedToolCalls(maxNestedToolCalls);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@Budgeted on " + where + ": " + e.getMessage(), e);
        }
        return b.build();
    }
}
