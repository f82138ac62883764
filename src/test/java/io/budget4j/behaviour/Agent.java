package io.budget4j.behaviour;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetUsage;
import io.budget4j.Budgeted;

import java.util.function.Consumer;

/** Budgeted entry points for the shared behaviour tests. */
public class Agent {
    private final Llm llm;
    /** This object as callers see it (its proxy under Spring AOP). */
    public Agent self = this;

    public Agent(Llm llm) {
        this.llm = llm;
    }

    /** For proxies, which need a no-argument constructor. */
    protected Agent() {
        this.llm = null;
    }

    @Budgeted(maxSteps = 3)
    public int loop(int calls) {
        for (int i = 0; i < calls; i++) {
            llm.complete("step " + i);
        }
        return calls;
    }

    @Budgeted(maxTokens = 40)
    public int spendTokens(int calls) {
        for (int i = 0; i < calls; i++) {
            llm.complete("step " + i);
        }
        return calls;
    }

    @Budgeted(maxNestedToolCalls = 2)
    public String nest(int depth) {
        return llm.nested(depth);
    }

    @Budgeted(maxSteps = 100)
    public BudgetUsage inRun(Consumer<Llm> work) {
        work.accept(llm);
        return BudgetContext.current().orElseThrow().usage();
    }

    @Budgeted(maxSteps = 2, fallback = "politely")
    public String answer(String question) {
        for (int i = 0; i < 5; i++) {
            llm.complete(question);
        }
        return "complete answer";
    }

    String politely(String question, BudgetExhaustedException e) {
        return "partial answer to '" + question + "' (" + e.limit() + ")";
    }

    @Budgeted(maxSteps = 10)
    public BudgetUsage outer() {
        llm.search("outer");
        try {
            self.inner();
        } catch (BudgetExhaustedException childRanOut) {
            // the child's own limit; the parent goes on
        }
        return BudgetContext.current().orElseThrow().usage();
    }

    @Budgeted(maxSteps = 1)
    public String inner() {
        llm.search("inner");
        llm.search("inner, again");
        return "inner done";
    }
}
