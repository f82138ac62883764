package io.budget4j.examples;

import io.budget4j.Budget4j;
import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetScope;
import io.budget4j.RunBudget;
import io.budget4j.examples.model.ChatModels;
import io.budget4j.examples.research.Corpus;
import io.budget4j.examples.research.DocumentSearch;
import io.budget4j.examples.research.ReportPrinter;
import io.budget4j.examples.research.ResearchAgent;
import io.budget4j.examples.research.ResearchResult;
import io.budget4j.examples.research.StepTrace;

/**
 * Example 3, budget exhaustion. A question too broad for a quick answer: the quick_answer
 * profile's 5 steps run out halfway, the next call is not made, and the agent's fallback answers
 * with what it gathered, the limit it hit, and how to go on. Then, the same refusal without a
 * fallback: the caller gets a {@link BudgetExhaustedException} that says what to raise.
 */
public final class BudgetExhaustionExample {
    private BudgetExhaustionExample() {
    }

    public static void main(String[] args) {
        String question = "Compare supervised learning, unsupervised learning and reinforcement learning";
        System.out.println("1. A quick answer to a broad question: " + question);
        System.out.println();
        StepTrace trace = new StepTrace(System.out);
        Budget4j.addListener(trace);
        ResearchResult result = new ResearchAgent(ChatModels.choose(args)).answer(question);
        Budget4j.removeListener(trace);
        System.out.println();
        new ReportPrinter(System.out).print(result);

        System.out.println();
        System.out.println("2. Without a fallback: three searches in a run of 4 steps");
        DocumentSearch search = new DocumentSearch(Corpus.standard());
        try (BudgetScope run = BudgetContext.open(RunBudget.builder().maxSteps(4).build(), "BudgetExhaustionExample")) {
            try {
                for (String topic : new String[] {"python", "deep learning", "transformers"}) {
                    int found = search.searchDocuments(topic, 1).size();
                    System.out.println("  search '" + topic + "' found " + found
                            + " document (2 steps: the search, its nested fetch)");
                }
            } catch (BudgetExhaustedException e) {
                System.out.println("  BudgetExhaustedException, limit " + e.limit() + ":");
                System.out.println("  " + e.getMessage());
                System.out.println("  The run spent: " + ReportPrinter.used(run.run().usage()));
            }
        }
    }
}
