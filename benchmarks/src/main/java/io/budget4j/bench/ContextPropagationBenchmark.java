package io.budget4j.bench;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetScope;
import io.budget4j.RunBudget;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * What carrying a run into one task costs: the task captured with the submitting thread's
 * context and run under it (what the agent's executor advice and {@code BudgetContext.wrap} do),
 * inside a run, next to the same task submitted outside any run (nothing to carry).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-javaagent:../target/budget4j-agent.jar")
@State(Scope.Thread)
public class ContextPropagationBenchmark {
    private long counter;
    private final Runnable task = () -> counter++;

    /** A run open on the benchmark thread for one iteration. */
    @State(Scope.Thread)
    public static class OpenRun {
        private BudgetScope scope;

        @Setup(Level.Iteration)
        public void open() {
            scope = BudgetContext.open(RunBudget.builder().maxSteps(Integer.MAX_VALUE - 1).build(), "bench");
        }

        @TearDown(Level.Iteration)
        public void close() {
            scope.close();
        }
    }

    @Benchmark
    public void taskCarryingARun(OpenRun run, Blackhole bh) {
        Runnable carried = BudgetContext.wrap(task);
        carried.run();
        bh.consume(carried);
    }

    @Benchmark
    public void taskWithoutARun(Blackhole bh) {
        Runnable carried = BudgetContext.wrap(task);
        carried.run();
        bh.consume(carried);
    }
}
