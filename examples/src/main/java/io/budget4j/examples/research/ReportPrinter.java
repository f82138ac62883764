package io.budget4j.examples.research;

import io.budget4j.BudgetRemaining;
import io.budget4j.BudgetUsage;
import io.budget4j.RunBudget;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a research result for people: the answer, then the budget it used and what is left. */
public final class ReportPrinter {
    private static final int WIDTH = 96;

    private final PrintStream out;

    public ReportPrinter(PrintStream out) {
        this.out = out;
    }

    /** The answer, then the budget. */
    public void print(ResearchResult result) {
        printAnswer(result);
        out.println();
        if (result.budget().isPresent()) {
            printBudget(result.budget().get());
        } else {
            out.println("Budget: not measured, no run was open. Attach the budget4j agent:");
            out.println("  -javaagent:target/budget4j-agent.jar=config=examples/src/main/resources/budgets.yaml");
            out.println("(When it is attached, its log says why a @Budgeted method was left unbudgeted.)");
        }
    }

    /** The answer (marked partial when the budget ran out) and its sources. */
    public void printAnswer(ResearchResult result) {
        out.println(result.complete() ? "Answer:" : "Answer (partial, budget exhausted: "
                + result.exhaustedBy().get().yamlKey() + "):");
        for (String paragraph : result.answer().split("\n")) {
            out.println(wrap(paragraph, "  "));
        }
        out.println("Sources: " + (result.sources().isEmpty() ? "none" : String.join(", ", result.sources())));
    }

    public void printBudget(BudgetReport report) {
        RunBudget b = report.limits();
        out.println("Budget " + b.profile().map(p -> "(profile " + p + ")").orElse("(set in code)") + ": " + limits(b));
        out.println("  used:      " + used(report.used()));
        out.println("  remaining: " + remaining(report.remaining()));
    }

    /** {@code max 5 steps, 2000 tokens, 10 s, tool calls nested 2 deep} */
    public static String limits(RunBudget b) {
        return "max "
                + (b.maxSteps().isPresent() ? plural(b.maxSteps().getAsInt(), "step") : "unlimited steps") + ", "
                + (b.maxTokens().isPresent() ? b.maxTokens().getAsLong() + " tokens" : "unlimited tokens") + ", "
                + (b.maxSeconds().isPresent() ? seconds(b.maxSeconds().getAsDouble()) : "unlimited time")
                + (b.maxNestedToolCalls().isPresent()
                        ? ", tool calls nested " + b.maxNestedToolCalls().getAsInt() + " deep" : "");
    }

    /** {@code 4 steps (1 model call, 3 tool calls), 412 tokens, 0.031 s} */
    public static String used(BudgetUsage u) {
        return plural(u.steps(), "step") + " (" + plural(u.modelCalls(), "model call") + ", "
                + plural(u.toolCalls(), "tool call") + "), " + u.tokens() + " tokens, "
                + String.format(Locale.ROOT, "%.3f s", u.seconds());
    }

    /** {@code 1 step, 1588 tokens, 9.969 s} */
    public static String remaining(BudgetRemaining r) {
        return (r.steps().isPresent() ? plural(r.steps().getAsInt(), "step") : "unlimited steps") + ", "
                + (r.tokens().isPresent() ? r.tokens().getAsLong() + " tokens" : "unlimited tokens") + ", "
                + (r.seconds().isPresent() ? String.format(Locale.ROOT, "%.3f s", r.seconds().getAsDouble())
                        : "unlimited time");
    }

    private static String seconds(double s) {
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() > lineStart && out.length() - lineStart + word.length() + 1 > WIDTH) {
                out.append('\n');
                lineStart = out.length();
            }
            out.append(out.length() == lineStart ? indent : " ").append(word);
        }
        return out.toString();
    }
}
