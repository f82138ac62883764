package io.budget4j.behaviour;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetUsage;
import io.budget4j.Limit;
import io.budget4j.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md's semantics as one set of tests, run against every way in: the javaagent
 * ({@code AgentBehaviourIT}) and the AspectJ aspect under a real weaver ({@code AspectBehaviourTest}).
 */
public abstract class BudgetBehaviourContract {
    /** What the application calls: woven classes, or the weaver's proxies. */
    protected Llm llm;
    protected Agent agent;
    /** The object behind {@link #llm}, whose counters say which bodies really ran. */
    protected Llm bodies;

    /** The object as the application sees it under the way in being tested. */
    protected abstract <T> T applyTo(T target);

    @BeforeEach
    void wire() {
        bodies = new Llm();
        llm = applyTo(bodies);
        bodies.self = llm;
        Agent agentTarget = new Agent(llm);
        agent = applyTo(agentTarget);
        agentTarget.self = agent;
    }

    @Test
    void aBudgetedMethodOpensARunThatIsClosedAfterwards() {
        BudgetUsage usage = agent.inRun(l -> assertTrue(BudgetContext.current().isPresent()));
        assertEquals(0, usage.steps());
        assertTrue(BudgetContext.current().isEmpty());
    }

    @Test
    void eachModelAndToolCallIsOneStep() {
        BudgetUsage usage = agent.inRun(l -> {
            l.complete("a");
            l.search("b");
        });
        assertEquals(2, usage.steps());
        assertEquals(1, usage.toolCalls());
    }

    @Test
    void aCallOverTheStepLimitIsNotMadeAndThrowsAtTheCallSite() {
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> agent.loop(5));
        assertEquals(Limit.STEPS, e.limit());
        assertEquals(3, bodies.modelBodies.get());
    }

    @Test
    void tokensAreWhatTheResponseReports() {
        assertEquals(30, agent.inRun(l -> {
            l.complete("a");
            l.complete("b");
        }).tokens());
    }

    @Test
    void withoutReportedUsageTokensAreCounted() {
        String prompt = "What is the answer?";
        long expected = Tokens.count(prompt, "gpt-4o") + Tokens.count("The answer is forty-two.", "gpt-4o");
        assertEquals(expected, agent.inRun(l -> l.completeText(prompt)).tokens());
    }

    @Test
    void aModelCallIsRefusedOnceTheTokensAreSpent() {
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> agent.spendTokens(10));
        assertEquals(Limit.TOKENS, e.limit());
        assertEquals(3, bodies.modelBodies.get());
    }

    @Test
    void aCallThatThrowsIsStillRecorded() {
        BudgetUsage usage = agent.inRun(l -> assertThrows(IllegalStateException.class, () -> l.failing("x")));
        assertEquals(1, usage.steps());
    }

    @Test
    void aModelCallThatDelegatesToAnotherCountsOnce() {
        BudgetUsage usage = agent.inRun(l -> l.completeWithSystem("system", "user"));
        assertEquals(1, usage.steps());
        assertEquals(15, usage.tokens());
    }

    @Test
    void toolCallsNestedTooDeepAreRefused() {
        assertEquals("leaf", agent.nest(2));
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> agent.nest(3));
        assertEquals(Limit.NESTED_TOOL_CALLS, e.limit());
    }

    @Test
    void anExhaustedRunAnswersWithItsFallback() {
        assertEquals("partial answer to 'why?' (STEPS)", agent.answer("why?"));
        assertEquals(2, bodies.modelBodies.get());
    }

    @Test
    void outsideAnyRunACallGoesThrough() {
        assertEquals("ok: free", llm.complete("free").text());
    }

    @Test
    void aBudgetedMethodInsideARunOpensAChildRunWithItsOwnLimitCountedInTheParent() {
        BudgetUsage outer = agent.outer();
        assertEquals(2, outer.steps(), "the outer search and the child's one allowed search");
        assertEquals(2, bodies.toolBodies.get());
    }
}
