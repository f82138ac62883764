package io.budget4j.it;

import io.budget4j.Budget4j;
import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetListener;
import io.budget4j.BudgetManager;
import io.budget4j.BudgetScope;
import io.budget4j.BudgetUsage;
import io.budget4j.Limit;
import io.budget4j.RunBudget;
import io.budget4j.StepRecord;
import io.budget4j.Tokens;
import io.budget4j.it.apps.Assistant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md's semantics, one rule per test, against classes woven by the packaged agent jar
 * attached to this JVM (failsafe argLine), configured by src/test/resources/agent-it.yaml.
 */
class AgentSemanticsIT {
    private final Assistant assistant = new Assistant();

    @Test
    void aBudgetedMethodOpensARunThatClosesWhenItReturns() {
        assertTrue(BudgetContext.current().isEmpty());
        BudgetUsage usage = assistant.useInRun(() -> assertTrue(BudgetContext.current().isPresent()));
        assertEquals(0, usage.steps());
        assertTrue(BudgetContext.current().isEmpty());
    }

    @Test
    void aRunAlsoClosesWhenTheBudgetedMethodThrows() {
        assertThrows(IllegalArgumentException.class, () -> assistant.throwsAfter(1));
        assertTrue(BudgetContext.current().isEmpty());
    }

    @Test
    void eachModelAndToolCallIsOneStep() {
        BudgetUsage usage = assistant.useInRun(() -> {
            assistant.complete("a");
            assistant.search("b");
            assistant.complete("c");
        });
        assertEquals(3, usage.steps());
        assertEquals(2, usage.modelCalls());
        assertEquals(1, usage.toolCalls());
    }

    @Test
    void aCallThatWouldBreakTheStepLimitIsNotMadeAndThrowsAtTheCallSite() {
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> assistant.loop(5));
        assertEquals(Limit.STEPS, e.limit());
        assertEquals(3, assistant.modelBodies.get(), "the fourth body must not run");
        assertEquals(3, e.usage().steps());
        assertTrue(e.getMessage().contains("max_steps reached: 3 of 3 steps used"), e.getMessage());
        assertTrue(e.getMessage().contains("Assistant#complete"), e.getMessage());
        assertTrue(e.getMessage().contains("@Budgeted(maxSteps = ...)"), e.getMessage());
    }

    @Test
    void tokensAreTheUsageTheResponseReports() {
        BudgetUsage usage = assistant.useInRun(() -> {
            assistant.complete("a");
            assistant.complete("b");
        });
        assertEquals(30, usage.tokens(), "two replies reporting 10 + 5 tokens each");
    }

    @Test
    void withoutReportedUsageTokensAreCountedWithTheModelsTokenizer() {
        String prompt = "What is the answer to everything?";
        BudgetUsage usage = assistant.useInRun(() -> assistant.completeText(prompt));
        long expected = Tokens.count(prompt, "gpt-4o") + Tokens.count("The answer is forty-two.", "gpt-4o");
        assertEquals(expected, usage.tokens());
    }

    @Test
    void aModelCallIsRefusedOnceTheTokensAreSpent() {
        // 15 tokens per call, 40 allowed: calls 1-3 run (45 > 40 after the third), the fourth is refused.
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> assistant.spendTokens(10));
        assertEquals(Limit.TOKENS, e.limit());
        assertEquals(3, assistant.modelBodies.get());
        assertEquals(45, e.usage().tokens());
    }

    @Test
    void aCallThatThrowsIsStillRecorded() {
        BudgetUsage[] seen = new BudgetUsage[1];
        assistant.useInRun(() -> {
            assertThrows(IllegalStateException.class, () -> assistant.failing("x"));
            seen[0] = BudgetContext.current().orElseThrow().usage();
        });
        assertEquals(1, seen[0].steps());
        assertEquals(1, assistant.modelBodies.get());
    }

    @Test
    void aToolCallNestedDeeperThanAllowedIsRefused() {
        assertEquals("leaf", assistant.nest(2));
        assistant.toolBodies.set(0);
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> assistant.nest(3));
        assertEquals(Limit.NESTED_TOOL_CALLS, e.limit());
        assertEquals(2, assistant.toolBodies.get(), "the third level must not run");
        assertTrue(e.getMessage().contains("nested 3 deep, 2 allowed"), e.getMessage());
    }

    @Test
    void aCallAfterTheTimeLimitIsRefused() throws Exception {
        CountDownLatch timeUp = new CountDownLatch(1);
        BudgetListener listener = new BudgetListener() {
            @Override
            public void timeLimitReached(BudgetManager run) {
                timeUp.countDown();
            }
        };
        Budget4j.addListener(listener);
        try {
            BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> assistant.outlive(timeUp));
            assertEquals(Limit.TIME, e.limit());
            assertEquals(1, assistant.modelBodies.get());
            assertTrue(e.getMessage().contains("max_seconds reached"), e.getMessage());
        } finally {
            Budget4j.removeListener(listener);
        }
    }

    @Test
    void anExhaustedRunAnswersWithItsFallback() {
        assertEquals("partial answer to 'why?' (STEPS)", assistant.answer("why?"));
        assertEquals(2, assistant.modelBodies.get());
    }

    @Test
    void aPrivateFallbackWithoutTheExceptionWorksForPrimitiveResults() {
        assertEquals(-1, assistant.count("q"));
    }

    @Test
    void outsideAnyRunACallGoesThrough() {
        assertEquals("ok: free", assistant.complete("free").text());
        assertEquals(1, assistant.modelBodies.get());
    }

    @Test
    void aRunTakesItsLimitsFromTheNamedProfile() {
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> assistant.quickAnswer(6));
        assertEquals(Limit.STEPS, e.limit());
        assertEquals(5, assistant.toolBodies.get(), "quick_answer allows 5 steps");
        assertTrue(e.getMessage().contains("profile 'quick_answer'"), e.getMessage());
    }

    @Test
    void aRunWithoutProfileOrAttributesTakesTheDefaultsProfile() {
        assertThrows(BudgetExhaustedException.class, () -> assistant.withDefaults(5));
        assertEquals(4, assistant.toolBodies.get(), "defaults: roomy allows 4 steps");
    }

    @Test
    void aBudgetedMethodInsideARunOpensAChildRunCountedInBoth() {
        List<StepRecord> steps = new CopyOnWriteArrayList<>();
        BudgetListener listener = new BudgetListener() {
            @Override
            public void stepRecorded(StepRecord step) {
                steps.add(step);
            }
        };
        Budget4j.addListener(listener);
        try (BudgetScope scope = BudgetContext.open(RunBudget.builder().maxSteps(10).build())) {
            assertEquals("1", assistant.outer(), "the inner run sees its own step");
            assertEquals(2, scope.run().usage().steps(), "the outermost run sees both steps");
        } finally {
            Budget4j.removeListener(listener);
        }
        assertEquals(2, steps.size());
    }

    @Test
    void programmaticRunsBudgetWovenCallsToo() {
        try (BudgetScope scope = BudgetContext.open(RunBudget.builder().maxSteps(1).build())) {
            assistant.search("one");
            assertThrows(BudgetExhaustedException.class, () -> assistant.search("two"));
            assertEquals(1, scope.run().usage().steps());
        }
        assertFalse(BudgetContext.current().isPresent());
    }

    @Test
    void everyMethodShapeIsWovenAndKeepsItsBehaviour() throws Exception {
        io.budget4j.it.apps.Shapes shapes = new io.budget4j.it.apps.Shapes();
        assertEquals(-7L, shapes.wide(7L, 2.0), "the fallback of a run returning a long");
        assertEquals(3, shapes.bodies, "three tool calls of the five ran");
        assertEquals("b c", shapes.varargsTool("b", "c"));
        assertEquals("z", shapes.genericTool(List.of("z")));
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class,
                () -> io.budget4j.it.apps.Shapes.staticRun(shapes));
        assertEquals(Limit.STEPS, e.limit());
        assertTrue(e.getMessage().contains("Shapes#genericTool"), e.getMessage());
        // The annotations stay on the method callers see.
        assertTrue(io.budget4j.it.apps.Shapes.class.getMethod("wide", long.class, double.class)
                .isAnnotationPresent(io.budget4j.Budgeted.class));
    }

    @Test
    void aListenerThatThrowsNeverReachesTheApplication() {
        BudgetListener broken = new BudgetListener() {
            @Override
            public void stepRecorded(StepRecord step) {
                throw new IllegalStateException("broken sink");
            }
        };
        Budget4j.addListener(broken);
        try {
            BudgetUsage usage = assistant.useInRun(() -> assistant.complete("a"));
            assertEquals(1, usage.steps());
        } finally {
            Budget4j.removeListener(broken);
        }
    }
}
