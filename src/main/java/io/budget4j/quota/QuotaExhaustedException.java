package io.budget4j.quota;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetUsage;
import io.budget4j.Limit;

import java.util.Optional;

/**
 * A call refused by a tenant's quota ({@link Limit#QUOTA}): the tenant has used what its window
 * allows, or the store cannot be reached and the policy is {@code on_store_error: deny}.
 */
public class QuotaExhaustedException extends BudgetExhaustedException {
    private static final long serialVersionUID = 1L;

    private final String tenant;
    private final transient QuotaUsage quota;

    public QuotaExhaustedException(String tenant, QuotaUsage quota, BudgetUsage runUsage, String message) {
        super(Limit.QUOTA, runUsage, message);
        this.tenant = tenant;
        this.quota = quota;
    }

    /** The tenant whose quota refused the call. */
    public String tenant() {
        return tenant;
    }

    /** The tenant's quota when the call was refused; empty when the store could not be reached. */
    public Optional<QuotaUsage> quota() {
        return Optional.ofNullable(quota);
    }

    /** True when the call was refused because the store could not be reached. */
    public boolean storeUnreachable() {
        return quota == null;
    }
}
