package io.budget4j.examples;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetScope;
import io.budget4j.Priority;
import io.budget4j.RunBudget;
import io.budget4j.TenantContext;
import io.budget4j.TenantScope;
import io.budget4j.examples.model.ChatModels;
import io.budget4j.examples.research.ResearchAgent;
import io.budget4j.examples.research.ResearchResult;
import io.budget4j.quota.QuotaExhaustedException;
import io.budget4j.quota.QuotaPolicy;
import io.budget4j.quota.QuotaService;
import io.budget4j.quota.QuotaUsage;
import io.budget4j.quota.Reservation;
import io.budget4j.quota.TenantQuota;

import java.util.List;

/**
 * Example 5, multi-tenant quotas: a daily token quota per tenant, kept in memory, or in Redis
 * when the tenants' calls come from many JVMs. The seed's
 * <pre>
 * quota_service = QuotaService(default_daily_quota=10000)
 * if quota_service.check_quota("tenant_123", estimated_tokens=2000):
 *     ...
 *     quota_service.consume_quota("tenant_123", result["budget_used"]["tokens"])
 * </pre>
 * is part 1; part 2 lets the agent charge every model call to the thread's tenant by itself;
 * part 3 reserves and settles by hand, for code that calls a model without annotations.
 *
 * <p>Run with the agent (part 2 needs it) and, optionally, a Redis URL (as the argument or in
 * {@code BUDGET4J_REDIS_URL}); with Redis, usage survives this process: run it twice.
 * <pre>
 * java -javaagent:target/budget4j-agent.jar=config=examples/src/main/resources/budgets.yaml \
 *      -cp target/examples io.budget4j.examples.QuotaServiceExample [redis://localhost:6379]
 * </pre>
 */
public final class QuotaServiceExample {
    private QuotaServiceExample() {
    }

    public static void main(String[] args) {
        String store = redisUrl(args);
        QuotaPolicy policy = QuotaPolicy.builder()
                .store(store)
                .dailyTokens(10_000)                                       // every tenant, unless set
                .tenant("tenant_small", TenantQuota.of(500))               // a small plan
                .tenant("tenant_batch", TenantQuota.of(10_000, Priority.LOW)) // batch work: 70% of it
                .build();
        ResearchAgent agent = new ResearchAgent(ChatModels.choose(new String[0]));

        try (QuotaService quotas = QuotaService.create(policy)) {
            System.out.println("Quota store: " + quotas.store().description());

            // 1. The seed's way: check before, consume what the run used after.
            System.out.println();
            System.out.println("1. check, run, consume (tenant_123)");
            if (quotas.checkQuota("tenant_123", 2_000)) {
                long used;
                try (BudgetScope run = BudgetContext.open(RunBudget.of(10, 5_000, 30), "QuotaServiceExample")) {
                    ResearchResult result = agent.answer("What is deep learning?");
                    System.out.println("   " + firstSentence(result.answer()));
                    used = run.run().usage().tokens();
                }
                quotas.consumeQuota("tenant_123", used);
                System.out.println("   consumed " + used + " tokens; " + quotas.usage("tenant_123"));
            }

            // 2. The agent charges every model call to the thread's tenant, and refuses the call
            //    that the tenant's quota cannot cover; the agent's fallback answers instead.
            System.out.println();
            System.out.println("2. every model call charged to its tenant (tenant_small, 500 tokens a day)");
            quotas.install();
            try (TenantScope tenant = TenantContext.open("tenant_small")) {
                for (String q : List.of("What is Python?", "What is NLP?", "What are AI agents?",
                        "What is machine learning?")) {
                    String outcome;
                    try {
                        ResearchResult r = agent.answer(q);
                        outcome = r.complete() ? "answered" : "partial answer, stopped by " + r.exhaustedBy().orElseThrow();
                    } catch (BudgetExhaustedException e) { // where no fallback catches it
                        outcome = "refused by " + e.limit() + ": " + e.getMessage();
                    }
                    System.out.println("   " + q + " -> " + outcome + "; "
                            + quotas.usage("tenant_small").used() + " tokens used today");
                }
            }
            if (quotas.usage("tenant_small").used() == 0) {
                System.out.println("   (nothing was charged: run with -javaagent to weave the agent's model calls)");
            }

            // 3. By hand: reserve an estimate, settle with what the call used. Low priority stops
            //    at 70% of the quota, so batch work cannot starve interactive calls.
            System.out.println();
            System.out.println("3. reserve and settle by hand (tenant_batch, low priority)");
            for (int job = 1; job <= 4; job++) {
                try (Reservation r = quotas.reserve("tenant_batch", 2_000)) {
                    long actual = 1_800; // what the model reported for this job
                    r.settle(actual);
                    System.out.println("   job " + job + ": reserved 2000, used " + actual + "; "
                            + quotas.remaining("tenant_batch") + " left at low priority");
                } catch (QuotaExhaustedException e) {
                    System.out.println("   job " + job + " refused: " + e.getMessage());
                }
            }

            System.out.println();
            System.out.println("Usage today:");
            for (String t : List.of("tenant_123", "tenant_small", "tenant_batch")) {
                QuotaUsage u = quotas.usage(t);
                System.out.printf("   %-13s used %5d of %5d allowed (%s), resets at %s%n", t, u.used(), u.allowed(),
                        u.priority(), u.resetsAt());
            }
        }
    }

    /** The Redis URL given as an argument or in BUDGET4J_REDIS_URL, else the embedded store. */
    private static String redisUrl(String[] args) {
        for (String a : args) {
            if (a.startsWith("redis://") || a.startsWith("rediss://")) {
                return a;
            }
        }
        String env = System.getenv("BUDGET4J_REDIS_URL");
        return env == null || env.isBlank() ? "memory" : env.trim();
    }

    private static String firstSentence(String s) {
        int end = s.indexOf(". ");
        return end < 0 ? s : s.substring(0, end + 1);
    }
}
