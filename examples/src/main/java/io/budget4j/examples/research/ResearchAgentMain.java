package io.budget4j.examples.research;

import io.budget4j.Budget4j;
import io.budget4j.examples.model.ChatModel;
import io.budget4j.examples.model.ChatModels;
import io.budget4j.examples.model.ModelCallFailedException;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the research agent on one question and prints each step, the answer and the budget.
 *
 * <pre>
 * java -javaagent:target/budget4j-agent.jar=config=examples/src/main/resources/budgets.yaml \
 *      -cp target/budget4j-agent.jar:target/examples \
 *      io.budget4j.examples.research.ResearchAgentMain [--deep] [--live] "What is machine learning?"
 * </pre>
 *
 * {@code --deep} researches related topics too (profile deep_research instead of quick_answer);
 * {@code --live} (or {@code OPENAI_BASE_URL} in the environment) asks an OpenAI-compatible
 * endpoint instead of the offline simulation.
 */
public final class ResearchAgentMain {
    private static final String DEFAULT_QUESTION = "What is machine learning?";

    private ResearchAgentMain() {
    }

    public static void main(String[] args) {
        List<String> words = new ArrayList<>();
        boolean deep = false;
        for (String arg : args) {
            if (arg.equals("--deep")) {
                deep = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println("usage: ResearchAgentMain [--deep] [" + ChatModels.LIVE_FLAG + "] [question]");
                return;
            } else if (!arg.equals(ChatModels.LIVE_FLAG)) {
                words.add(arg);
            }
        }
        String question = words.isEmpty() ? DEFAULT_QUESTION : String.join(" ", words);
        ChatModel model = ChatModels.choose(args);

        System.out.println("Question: " + question);
        System.out.println("Model:    " + model.describe());
        System.out.println("Mode:     " + (deep ? "deep research (@Budgeted profile deep_research)"
                : "quick answer (@Budgeted profile quick_answer)"));
        System.out.println();
        System.out.println("Steps (each as it is recorded: a nested call finishes before its caller):");
        Budget4j.addListener(new StepTrace(System.out));
        ResearchAgent agent = new ResearchAgent(model);
        ResearchResult result;
        try {
            result = deep ? agent.research(question) : agent.answer(question);
        } catch (ModelCallFailedException e) {
            System.out.println();
            System.out.println("The model call failed: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println();
        new ReportPrinter(System.out).print(result);
    }
}
