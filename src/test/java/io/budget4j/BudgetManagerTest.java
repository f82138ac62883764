package io.budget4j;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetManagerTest {
    private final ManualTimer timer = new ManualTimer();

    private BudgetScope open(RunBudget budget) {
        return BudgetContext.open(budget, "test", timer);
    }

    @Test
    void aStepIsCountedWhenTheCallIsAllowed() {
        BudgetManager run = new BudgetManager(RunBudget.builder().maxSteps(2).build());
        run.beforeModelCall();
        run.afterModelCall(12);
        assertEquals(1, run.usage().steps());
        assertEquals(12, run.usage().tokens());
        assertEquals(1, run.remaining().steps().getAsInt());
    }

    @Test
    void theCallBeyondMaxStepsIsRefusedWithTheLimitAndUsage() {
        BudgetManager run = new BudgetManager(RunBudget.builder().maxSteps(2).profile("quick_answer").build());
        run.beforeModelCall();
        run.beforeToolCall();
        run.afterToolCall();
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, run::beforeModelCall);
        assertEquals(Limit.STEPS, e.limit());
        assertEquals(2, e.usage().steps());
        assertTrue(e.getMessage().contains("max_steps reached: 2 of 2 steps used"), e.getMessage());
        assertTrue(e.getMessage().contains("raise max_steps in profile 'quick_answer'"), e.getMessage());
        assertEquals(Limit.STEPS, run.exhaustedBy().orElseThrow());
    }

    @Test
    void tokensRefuseTheNextCallOnceSpent() {
        BudgetManager run = new BudgetManager(RunBudget.builder().maxTokens(100).build());
        run.beforeModelCall();
        run.afterModelCall(60);
        run.beforeModelCall();
        run.afterModelCall(60); // reported after the fact: the overshoot is recorded, not hidden
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, run::beforeModelCall);
        assertEquals(Limit.TOKENS, e.limit());
        assertEquals(120, e.usage().tokens());
        assertTrue(e.getMessage().contains("max_tokens reached: 120 of 100 tokens used"), e.getMessage());
        assertEquals(0, run.remaining().tokens().getAsLong());
    }

    @Test
    void aReservationMustFitInWhatIsLeft() {
        BudgetManager run = new BudgetManager(RunBudget.builder().maxTokens(100).build());
        assertNull(run.tryModelCall("m", 70));
        assertNotNull(run.tryModelCall("m", 40), "70 held + 40 > 100");
        run.recordModelCall("m", "", 20, 70, null);
        assertNull(run.tryModelCall("m", 40), "only 20 were used, the rest of the hold is released");
    }

    @Test
    void theTimeLimitRefusesCallsOnceTheDeadlinePasses() {
        try (BudgetScope scope = open(RunBudget.builder().maxSeconds(5).build())) {
            BudgetManager run = scope.run();
            run.beforeModelCall();
            timer.fireAll();
            BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, run::beforeToolCall);
            assertEquals(Limit.TIME, e.limit());
            assertTrue(e.getMessage().contains("max_seconds reached"), e.getMessage());
            assertTrue(run.isExhausted());
        }
    }

    @Test
    void closingARunCancelsItsDeadline() {
        BudgetScope scope = open(RunBudget.builder().maxSeconds(5).build());
        assertEquals(1, timer.pending());
        scope.close();
        assertEquals(0, timer.pending());
        assertEquals(1, timer.cancelled());
    }

    @Test
    void aLateCallIntoAClosedRunIsRefused() {
        BudgetScope scope = open(RunBudget.UNLIMITED);
        BudgetManager run = scope.run();
        scope.close();
        BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, run::beforeModelCall);
        assertEquals(Limit.RUN_CLOSED, e.limit());
    }

    @Test
    void toolCallsNestOnTheCurrentThread() {
        try (BudgetScope scope = open(RunBudget.builder().maxNestedToolCalls(2).build())) {
            BudgetManager run = scope.run();
            run.beforeToolCall();
            run.beforeToolCall();
            BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, run::beforeToolCall);
            assertEquals(Limit.NESTED_TOOL_CALLS, e.limit());
            run.afterToolCall();
            run.beforeToolCall(); // back at depth 2: allowed
            run.afterToolCall();
            run.afterToolCall();
            assertEquals(3, run.usage().toolCalls());
        }
    }

    @Test
    void withKStepsLeftExactlyKOfManyConcurrentCallsAreAllowed() throws Exception {
        int threads = 8;
        int perThread = 1000;
        BudgetManager run = new BudgetManager(RunBudget.builder().maxSteps(1234).build());
        AtomicInteger allowed = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < perThread; i++) {
                    if (run.tryModelCall("m", 0) == null) {
                        allowed.incrementAndGet();
                        run.recordModelCall("m", "", 1, 0, null);
                    }
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        assertEquals(1234, allowed.get());
        assertEquals(1234, run.usage().steps());
        assertEquals(1234, run.usage().tokens());
    }

    @Test
    void withReservationsConcurrentCallsNeverOvershootMaxTokens() throws Exception {
        int threads = 8;
        BudgetManager run = new BudgetManager(RunBudget.builder().maxTokens(10_000).build());
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger allowed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < 1000; i++) {
                    // each call holds 70 and then really uses 70: exact only if the hold is atomic
                    if (run.tryModelCall("m", 70) == null) {
                        allowed.incrementAndGet();
                        run.recordModelCall("m", "", 70, 70, null);
                    }
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        assertEquals(10_000 / 70, allowed.get());
        assertEquals(10_000 / 70 * 70, run.usage().tokens());
        assertTrue(run.usage().tokens() <= 10_000);
    }

    @Test
    void withoutReservationsTheOvershootIsBoundedByTheCallsInFlight() throws Exception {
        // Each of N concurrent calls is checked while tokens are left, so at most N calls' usage
        // lands past the limit: here every call uses 10 and 4 threads race for 100 tokens.
        int threads = 4;
        BudgetManager run = new BudgetManager(RunBudget.builder().maxTokens(100).build());
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                while (run.tryModelCall("m", 0) == null) {
                    run.recordModelCall("m", "", 10, 0, null);
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        long spent = run.usage().tokens();
        assertTrue(spent >= 100 && spent <= 100 + (threads - 1) * 10L, "spent " + spent);
    }

    @Test
    void aChildRunCountsInItsParentAndIsRefusedWhenTheParentRunsOut() {
        try (BudgetScope parent = open(RunBudget.builder().maxSteps(3).profile("outer").build())) {
            parent.run().beforeModelCall();
            try (BudgetScope child = open(RunBudget.builder().maxSteps(10).build())) {
                assertEquals(parent.run(), child.run().parent().orElseThrow());
                assertEquals(2, child.run().remaining().steps().getAsInt(), "the tighter of 10 and the parent's 2");
                child.run().beforeModelCall();
                child.run().beforeToolCall();
                child.run().afterToolCall();
                BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, child.run()::beforeModelCall);
                assertEquals(Limit.STEPS, e.limit());
                assertTrue(e.getMessage().contains("profile 'outer'"), "names the ancestor's limit: " + e.getMessage());
                assertEquals(2, child.run().usage().steps(), "the refused call is not counted in the child");
            }
            assertEquals(3, parent.run().usage().steps());
            assertEquals(parent.run(), BudgetContext.current().orElseThrow(), "closing the child restores the parent");
        }
        assertFalse(BudgetContext.current().isPresent());
    }
}
