package io.budget4j.examples;

import io.budget4j.examples.model.ChatModel;
import io.budget4j.examples.model.ChatModels;
import io.budget4j.examples.research.BatchResearch;
import io.budget4j.examples.research.ReportPrinter;
import io.budget4j.examples.research.ResearchAgent;
import io.budget4j.examples.research.ResearchResult;

import java.util.List;

/**
 * Example 4, configuration-based budgets: {@code budgets.yaml} defines a profile per use case,
 * and each {@code @Budgeted} method names the one it needs. The agent reads the file given as
 * {@code -javaagent:budget4j-agent.jar=config=budgets.yaml}; changing a limit needs no rebuild.
 */
public final class ConfigExample {
    private ConfigExample() {
    }

    public static void main(String[] args) {
        ChatModel model = ChatModels.choose(args);
        ResearchAgent agent = new ResearchAgent(model);
        ReportPrinter printer = new ReportPrinter(System.out);

        System.out.println("quick_answer: ResearchAgent.answer(\"What is Python?\")");
        ResearchResult quick = agent.answer("What is Python?");
        quick.budget().ifPresent(printer::printBudget);

        System.out.println();
        System.out.println("deep_research: ResearchAgent.research(\"What are transformers?\")");
        ResearchResult deep = agent.research("What are transformers?");
        deep.budget().ifPresent(printer::printBudget);

        System.out.println();
        List<String> questions = List.of("What is Python?", "What is deep learning?", "What is NLP?",
                "What are AI agents?");
        System.out.println("batch_processing: BatchResearch.answerAll(" + questions.size() + " questions)");
        BatchResearch.BatchResult batch = new BatchResearch(new ResearchAgent(model)).answerAll(questions);
        batch.budget().ifPresent(printer::printBudget);
        System.out.println();
        for (ResearchResult r : batch.answers()) {
            System.out.println("  " + r.question() + " -> " + firstSentence(r.answer()));
        }
    }

    private static String firstSentence(String s) {
        int end = s.indexOf(". ");
        return end < 0 ? s : s.substring(0, end + 1);
    }
}
