package io.budget4j.internal;

import io.budget4j.BudgetExhaustedException;

/**
 * The engine's hook for tenant quotas: every model call charged to a tenant passes through it.
 * Installed by the quota service when quotas are configured; absent otherwise, at no cost.
 */
public interface QuotaGate {
    /**
     * Before a model call charged to {@code tenant}. Holds {@code estimateTokens} (possibly 0)
     * for the call until {@link #settle} runs.
     *
     * @return null when the tenant's quota allows the call, else the refusal ({@code Limit.QUOTA})
     */
    BudgetExhaustedException tryAcquire(String tenant, long estimateTokens, String method);

    /** After the call (also when it threw): charges what it used, releases the rest. */
    void settle(String tenant, long reservedTokens, long actualTokens);
}
