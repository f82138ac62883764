package io.budget4j.examples;

import io.budget4j.examples.model.ChatModels;
import io.budget4j.examples.research.ReportPrinter;
import io.budget4j.examples.research.ResearchAgent;
import io.budget4j.examples.research.ResearchResult;

/**
 * Example 2, deep research: a larger budget for a complex question. {@link ResearchAgent#research}
 * is {@code @Budgeted(profile = "deep_research")}: it follows related topics and spends more
 * steps than the quick_answer profile allows.
 */
public final class DeepResearchExample {
    private DeepResearchExample() {
    }

    public static void main(String[] args) {
        ResearchAgent agent = new ResearchAgent(ChatModels.choose(args));
        String question = "How does deep learning relate to machine learning?";
        System.out.println("Question: " + question);
        System.out.println();
        ResearchResult result = agent.research(question);
        new ReportPrinter(System.out).print(result);
    }
}
