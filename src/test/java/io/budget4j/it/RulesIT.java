package io.budget4j.it;

import io.budget4j.it.apps.StepPrinter;
import io.budget4j.it.apps.plain.SupportBot;
import io.budget4j.testing.Jvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Budgets on code that was not changed: the YAML {@code instrument:} rules, with the packaged agent. */
class RulesIT {
    private static final String BOT = SupportBot.class.getName();

    @TempDir
    Path dir;

    private Jvm.Result run(String yaml, int turns) throws Exception {
        Path file = dir.resolve("budgets.yaml");
        Files.writeString(file, yaml);
        return Jvm.withAgent().config(file).main(StepPrinter.class, BOT, Integer.toString(turns)).run();
    }

    private static final String RULES = "budgets:\n"
            + "  support: {max_steps: 5}\n"
            + "instrument:\n"
            + "  - budgeted: " + BOT + "#handle\n"
            + "    profile: support\n"
            + "  - model_call: " + BOT + "$LlmClient#complete\n"
            + "    model: gpt-4o-mini\n"
            + "  - tool_call: io.budget4j.it.apps.plain.*$Tools#lookup(java.lang.String)\n";

    @Test
    void rulesBudgetAnApplicationThatImportsNothingOfBudget4j() throws Exception {
        Jvm.Result r = run(RULES, 2);
        assertTrue(r.stdout.contains("RESULT="), r.toString());
        assertEquals("2", r.value("REQUESTS"), r.toString());
        assertEquals(4, count(r.stdout, "STEP="), "two model calls and two tool calls: " + r);
        assertTrue(r.stdout.contains("RUN=" + BOT + "#handle steps=4"), r.toString());
    }

    @Test
    void aTypeInARuleMatchesItsImplementationsAndADelegatingCallCountsOnce() throws Exception {
        Jvm.Result r = run(RULES, 1);
        // complete(system, prompt) delegates to complete(prompt): both match the rule, one step.
        assertEquals(1, count(r.stdout, "STEP=model " + BOT + "$EchoClient#complete")
                + count(r.stdout, "STEP=model " + BOT + "$LlmClient#complete"), r.toString());
        assertTrue(r.stdout.contains("model=gpt-4o-mini"), r.toString());
    }

    @Test
    void theRunsProfileStopsTheCallThatWouldGoOverIt() throws Exception {
        Jvm.Result r = run(RULES, 10);
        assertTrue(r.stdout.contains("THROWN=io.budget4j.BudgetExhaustedException"), r.toString());
        assertTrue(r.stdout.contains("profile 'support'"), r.toString());
        assertEquals("3", r.value("REQUESTS"), "steps: model, tool, model, tool, model; the next tool is refused");
        assertEquals("2", r.value("TOOL_RUNS"), r.toString());
    }

    @Test
    void aRuleThatMatchesNothingIsReported() throws Exception {
        Jvm.Result r = run(RULES + "  - tool_call: com.acme.Typo#lokup\n", 1);
        assertTrue(r.stderr.contains("the rule " + dir.resolve("budgets.yaml") + ":9: tool_call com.acme.Typo#lokup"
                + " has matched no method"), r.toString());
        assertFalse(r.stderr.contains("Tools#lookup(java.lang.String) has matched no method"), r.toString());
    }

    @Test
    void anInvalidPatternStopsTheJvmAtStartupWithFileAndLine() throws Exception {
        Jvm.Result r = run("instrument:\n  - model_call: com.acme.Client\n", 1);
        assertEquals(1, r.exitCode, r.toString());
        assertTrue(r.stderr.contains("budgets.yaml:2"), r.toString());
        assertFalse(r.stdout.contains("RESULT="), r.toString());
    }

    private static int count(String text, String needle) {
        return (int) Arrays.stream(text.split("\\R")).filter(l -> l.startsWith(needle)).count();
    }
}
