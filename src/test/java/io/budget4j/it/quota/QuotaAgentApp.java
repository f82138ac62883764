package io.budget4j.it.quota;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.ModelCall;
import io.budget4j.Priority;
import io.budget4j.TenantContext;
import io.budget4j.TenantScope;
import io.budget4j.quota.QuotaPolicy;
import io.budget4j.quota.QuotaService;
import io.budget4j.quota.StoreErrorPolicy;

/**
 * An application (outside budget4j's own packages, so the agent weaves it) run with the packaged agent by {@code QuotaAgentJarIT}: model calls of one tenant
 * against a Redis quota, until the quota refuses one. Prints {@code CALLS=}, {@code REFUSED=},
 * {@code USED=}.
 */
public final class QuotaAgentApp {
    @ModelCall(model = "gpt-4o-mini")
    String chat(String prompt) {
        return "An answer of a few words.";
    }

    public static void main(String[] args) {
        QuotaService quotas = QuotaService.create(QuotaPolicy.builder().store(args[0]).defaultPriority(Priority.HIGH)
                .onStoreError(StoreErrorPolicy.DENY).tenant("acme", Long.parseLong(args[1])).build()).install();
        QuotaAgentApp app = new QuotaAgentApp();
        int calls = 0;
        String refused = "none";
        try (TenantScope tenant = TenantContext.open("acme")) {
            for (int i = 0; i < 1_000; i++) {
                app.chat("What is the capital of France?");
                calls++;
            }
        } catch (BudgetExhaustedException e) {
            refused = e.limit() + ": " + e.getMessage();
        }
        System.out.println("CALLS=" + calls);
        System.out.println("REFUSED=" + refused);
        System.out.println("USED=" + quotas.usage("acme").used());
        quotas.close();
    }
}
