package io.budget4j.examples;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetScope;
import io.budget4j.RunBudget;
import io.budget4j.examples.model.ChatModels;
import io.budget4j.examples.research.BudgetReport;
import io.budget4j.examples.research.ReportPrinter;
import io.budget4j.examples.research.ResearchAgent;
import io.budget4j.examples.research.ResearchResult;

/**
 * Example 1, basic usage: create a budget, run the agent within it, check what it used and what
 * is left. The seed's
 * <pre>
 * budget = RunBudget(max_steps=5, max_tokens=2000, max_seconds=10)
 * agent = ResearchAgent(budget)
 * result = agent.answer("What is machine learning?")
 * </pre>
 * becomes a run opened in code around the annotated agent: its {@code @ToolCall} and
 * {@code @ModelCall} methods count in that run. (Its own {@code @Budgeted} joins the open run.)
 */
public final class BasicUsageExample {
    private BasicUsageExample() {
    }

    public static void main(String[] args) {
        RunBudget budget = RunBudget.of(5, 2000, 10); // max steps, max tokens, max seconds
        ResearchAgent agent = new ResearchAgent(ChatModels.choose(args));

        try (BudgetScope run = BudgetContext.open(budget, "BasicUsageExample")) {
            ResearchResult result = agent.answer("What is machine learning?");

            ReportPrinter printer = new ReportPrinter(System.out);
            printer.printAnswer(result);
            System.out.println();
            // Still inside the run: usage() and remaining() are the live numbers.
            printer.printBudget(BudgetReport.of(run.run()));
        }
    }
}
