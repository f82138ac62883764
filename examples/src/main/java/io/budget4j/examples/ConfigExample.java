package io.budget4j.examples;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetScope;
import io.budget4j.RunBudget;
import io.budget4j.config.BudgetConfig;
import io.budget4j.examples.model.ChatModels;
import io.budget4j.examples.research.BudgetReport;
import io.budget4j.examples.research.ReportPrinter;
import io.budget4j.examples.research.ResearchAgent;
import io.budget4j.examples.research.ResearchResult;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Example 4, configuration-based budgets: {@code budgets.yaml} defines a profile per use case.
 * A {@code @Budgeted} method names the profile it needs (the agent reads the file given as
 * {@code -javaagent:budget4j-agent.jar=config=budgets.yaml}, so a limit changes without a
 * rebuild), and code can load the same file to open a run with a profile of its choice.
 */
public final class ConfigExample {
    private ConfigExample() {
    }

    /** @param args optionally the YAML file; by default the copy of budgets.yaml on the class path */
    public static void main(String[] args) throws URISyntaxException {
        Path file = args.length > 0 && !args[0].startsWith("--") ? Path.of(args[0])
                : Path.of(ConfigExample.class.getResource("/budgets.yaml").toURI());
        // The seed's load_budget_config("budgets.yaml"); a bad file fails here with file:line.
        BudgetConfig budgets = BudgetConfig.load(file);
        System.out.println("Profiles in " + file.getFileName() + ":");
        for (Map.Entry<String, RunBudget> p : budgets.profiles().entrySet()) {
            System.out.printf("  %-17s %s%n", p.getKey(), ReportPrinter.limits(p.getValue()));
        }

        ResearchAgent agent = new ResearchAgent(ChatModels.choose(args));
        ReportPrinter printer = new ReportPrinter(System.out);

        System.out.println();
        System.out.println("quick_answer, named by @Budgeted on ResearchAgent.answer(\"What is Python?\")");
        ResearchResult quick = agent.answer("What is Python?");
        quick.budget().ifPresent(printer::printBudget);

        System.out.println();
        System.out.println("deep_research, named by @Budgeted on ResearchAgent.research(\"What are transformers?\")");
        ResearchResult deep = agent.research("What are transformers?");
        deep.budget().ifPresent(printer::printBudget);

        System.out.println();
        List<String> questions = List.of("What is Python?", "What is deep learning?", "What is NLP?",
                "What are AI agents?");
        System.out.println("batch_processing, loaded from the file and opened in code, around "
                + questions.size() + " quick answers");
        // The seed's ResearchAgent(budgets["batch_processing"]). Each answer() opens its own
        // quick_answer run inside the batch run: every call counts in both.
        try (BudgetScope batch = BudgetContext.open(budgets.profile("batch_processing").orElseThrow(), "batch")) {
            for (String question : questions) {
                ResearchResult r = agent.answer(question);
                System.out.println("  " + question + " -> " + firstSentence(r.answer()));
            }
            printer.printBudget(BudgetReport.of(batch.run()));
        }
    }

    private static String firstSentence(String s) {
        int end = s.indexOf(". ");
        return end < 0 ? s : s.substring(0, end + 1);
    }
}
