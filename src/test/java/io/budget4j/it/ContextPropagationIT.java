package io.budget4j.it;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetScope;
import io.budget4j.Limit;
import io.budget4j.RunBudget;
import io.budget4j.it.apps.Assistant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** With the agent attached, a run follows the work it hands to other threads, and only that work. */
class ContextPropagationIT {
    private final Assistant assistant = new Assistant();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static BudgetScope run(int maxSteps) {
        return BudgetContext.open(RunBudget.builder().maxSteps(maxSteps).build(), "test run");
    }

    @Test
    void tasksSubmittedToAnExecutorCountInTheRunAndExactlyTheBudgetedNumberRun() throws Exception {
        List<Future<String>> futures = new ArrayList<>();
        try (BudgetScope scope = run(5)) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                futures.add(pool.submit(() -> assistant.search("q" + n)));
            }
            int refused = 0;
            for (Future<String> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    assertInstanceOf(BudgetExhaustedException.class, e.getCause());
                    assertEquals(Limit.STEPS, ((BudgetExhaustedException) e.getCause()).limit());
                    refused++;
                }
            }
            assertEquals(15, refused);
            assertEquals(5, assistant.toolBodies.get());
            assertEquals(5, scope.run().usage().steps());
        }
    }

    @Test
    void executeInvokeAllInvokeAnyAndScheduleCarryTheRun() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (BudgetScope scope = run(100)) {
            CountDownLatch executed = new CountDownLatch(1);
            pool.execute(() -> {
                assistant.search("execute");
                executed.countDown();
            });
            executed.await();
            List<Callable<String>> calls = List.of(() -> assistant.search("a"), () -> assistant.search("b"));
            for (Future<String> f : pool.invokeAll(calls)) {
                f.get();
            }
            pool.invokeAny(List.of(() -> assistant.search("any")));
            scheduler.schedule(() -> assistant.search("later"), 1, TimeUnit.MILLISECONDS).get();
            scheduler.schedule(() -> {
                assistant.search("later, runnable");
            }, 1, TimeUnit.MILLISECONDS).get();
            // invokeAny may start more than one of its tasks before one wins: at least 5 steps.
            assertTrue(scope.run().usage().steps() >= 6, scope.run().usage().toString());
            assertEquals(assistant.toolBodies.get(), scope.run().usage().steps());
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void completableFutureChainsCarryTheRun() {
        try (BudgetScope scope = run(100)) {
            String text = CompletableFuture.supplyAsync(() -> assistant.complete("first").text())
                    .thenApplyAsync(t -> assistant.complete(t).text())
                    .thenCompose(t -> CompletableFuture.supplyAsync(() -> assistant.search(t)))
                    .join();
            assertTrue(text.startsWith("results for ok: ok: first"), text);
            assertEquals(3, scope.run().usage().steps());
            assertEquals(30, scope.run().usage().tokens());
        }
    }

    @Test
    void completableFutureStepsBeyondTheBudgetAreRefused() {
        try (BudgetScope scope = run(1)) {
            CompletableFuture<String> chain = CompletableFuture.supplyAsync(() -> assistant.search("one"))
                    .thenApplyAsync(t -> assistant.search("two"));
            CompletionException e = assertThrows(CompletionException.class, chain::join);
            assertInstanceOf(BudgetExhaustedException.class, e.getCause());
            assertEquals(1, assistant.toolBodies.get());
        }
    }

    @Test
    void forkJoinPoolTasksCarryTheRun() throws Exception {
        ForkJoinPool fj = new ForkJoinPool(2);
        try (BudgetScope scope = run(10)) {
            fj.submit(() -> assistant.search("fj")).get();
            fj.submit(() -> {
                assistant.search("fj runnable");
            }).get();
            assertEquals(2, scope.run().usage().steps());
        } finally {
            fj.shutdownNow();
        }
    }

    @Test
    void aPooledThreadKeepsNoContextAfterItsTask() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            try (BudgetScope scope = run(10)) {
                assertTrue(single.submit(() -> BudgetContext.current().isPresent()).get());
            }
            Optional<?> after = single.submit(BudgetContext::current).get();
            assertFalse(after.isPresent(), "the pooled thread must not carry the finished run");
            assertEquals("results for free", single.submit(() -> assistant.search("free")).get(),
                    "outside any run the call goes through");
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void aTaskThatOutlivesItsRunIsRefusedNotChargedToNothing() throws Exception {
        CountDownLatch runClosed = new CountDownLatch(1);
        Future<String> late;
        io.budget4j.BudgetManager finished;
        try (BudgetScope scope = run(10)) {
            finished = scope.run();
            late = pool.submit(() -> {
                runClosed.await();
                return assistant.search("too late");
            });
        }
        runClosed.countDown();
        ExecutionException e = assertThrows(ExecutionException.class, late::get);
        assertEquals(Limit.RUN_CLOSED, ((BudgetExhaustedException) e.getCause()).limit());
        assertEquals(0, assistant.toolBodies.get());
        assertEquals(0, finished.usage().steps());
    }

    @Test
    void nestedRunsThreeDeepCountInEveryAncestor() {
        try (BudgetScope outer = run(10)) {
            assistant.search("1");
            try (BudgetScope middle = run(10)) {
                assistant.search("2");
                try (BudgetScope inner = BudgetContext.open(RunBudget.builder().maxSteps(1).build())) {
                    assistant.search("3");
                    BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class,
                            () -> assistant.search("4"));
                    assertEquals(Limit.STEPS, e.limit());
                    assertEquals(1, inner.run().usage().steps());
                }
                assertEquals(2, middle.run().usage().steps());
            }
            assertEquals(3, outer.run().usage().steps());
        }
    }

    @Test
    void whenAnAncestorRunsOutTheChildsNextCallIsRefusedNamingIt() {
        try (BudgetScope outer = BudgetContext.open(RunBudget.builder().maxSteps(2).profile("outer").build())) {
            assistant.search("1");
            try (BudgetScope child = run(50)) {
                assistant.search("2");
                BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> assistant.search("3"));
                assertTrue(e.getMessage().contains("profile 'outer'"), e.getMessage());
                assertEquals(1, child.run().usage().steps());
            }
        }
    }

    @Test
    void thousandsOfVirtualThreadsShareOneRunExactly() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21");
        Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        int tasks = 5000;
        int budget = 3000;
        ExecutorService virtual = (ExecutorService) factory.invoke(null);
        try (BudgetScope scope = run(budget)) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                futures.add(virtual.submit(() -> assistant.search("v")));
            }
            int refused = 0;
            for (Future<String> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    assertInstanceOf(BudgetExhaustedException.class, e.getCause());
                    refused++;
                }
            }
            assertEquals(tasks - budget, refused);
            assertEquals(budget, assistant.toolBodies.get());
            assertEquals(budget, scope.run().usage().steps());
        } finally {
            virtual.shutdownNow();
        }
    }

    @Test
    void aVirtualThreadStartedInARunCarriesIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21");
        Method startVirtual = Thread.class.getMethod("startVirtualThread", Runnable.class);
        try (BudgetScope scope = run(5)) {
            Thread t = (Thread) startVirtual.invoke(null, (Runnable) () -> assistant.search("virtual"));
            t.join();
            assertEquals(1, scope.run().usage().steps());
        }
    }
}
