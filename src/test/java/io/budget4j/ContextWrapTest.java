package io.budget4j;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without the agent, BudgetContext.wrap carries the submitting thread's run into tasks, explicitly. */
class ContextWrapTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static BudgetScope open() {
        return BudgetContext.open(RunBudget.builder().maxSteps(10).build(), "wrap test");
    }

    @Test
    void aWrappedRunnableRunsInTheRunAndLeavesTheWorkerClean() throws Exception {
        AtomicReference<Optional<BudgetManager>> seen = new AtomicReference<>();
        try (BudgetScope scope = open()) {
            pool.submit(BudgetContext.wrap(() -> seen.set(BudgetContext.current()))).get();
            assertSame(scope.run(), seen.get().orElseThrow());
        }
        assertFalse(pool.submit(BudgetContext::current).get().isPresent(), "no run left on the pooled thread");
    }

    @Test
    void aWrappedCallableCountsItsStepsInTheRun() throws Exception {
        try (BudgetScope scope = open()) {
            Callable<Integer> step = () -> {
                BudgetContext.current().orElseThrow().beforeModelCall();
                return 1;
            };
            pool.submit(BudgetContext.wrap(step)).get();
            assertEquals(1, scope.run().usage().steps());
        }
    }

    @Test
    void aWrappedExecutorCapturesTheRunWhenEachTaskIsSubmitted() throws Exception {
        java.util.concurrent.Executor executor = BudgetContext.wrap((java.util.concurrent.Executor) pool);
        AtomicReference<Optional<BudgetManager>> inRun = new AtomicReference<>();
        try (BudgetScope scope = open()) {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            executor.execute(() -> {
                inRun.set(BudgetContext.current());
                done.countDown();
            });
            done.await();
            assertSame(scope.run(), inRun.get().orElseThrow());
        }
    }

    @Test
    void aWrappedExecutorServiceCarriesTheRunIntoInvokeAll() throws Exception {
        ExecutorService wrapped = BudgetContext.wrap(pool);
        try (BudgetScope scope = open()) {
            List<Callable<Boolean>> tasks = List.of(() -> BudgetContext.current().isPresent(),
                    () -> BudgetContext.current().isPresent());
            for (Future<Boolean> f : wrapped.invokeAll(tasks)) {
                assertTrue(f.get());
            }
        }
    }

    @Test
    void outsideARunWrapReturnsTheTaskItself() {
        Runnable task = () -> { };
        assertSame(task, BudgetContext.wrap(task));
    }
}
