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
 * What the agent's advice costs on the allow path: the same {@code @ModelCall} method called
 * inside an open run and outside any run, next to the same body unwoven, inside a run.
 *
 * <p>Each fork needs the agent: {@code benchmarks/run.sh} passes
 * {@code -jvmArgsAppend -javaagent:<root>/target/budget4j-agent.jar}; the default below works
 * when run from {@code benchmarks/}. A fork without the agent stops in its set-up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-javaagent:../target/budget4j-agent.jar")
@State(Scope.Thread)
public class WovenCallBenchmark {
    private final ModelClient client = new ModelClient();
    private String prompt = "What is machine learning?";

    /** Refuses to measure an unwoven method as if it were woven. */
    @Setup(Level.Trial)
    public void checkAgentAttached() {
        try (BudgetScope probe = BudgetContext.open(RunBudget.UNLIMITED, "agent probe")) {
            client.complete("is the agent attached?");
            if (probe.run().usage().steps() != 1) {
                throw new IllegalStateException("@ModelCall was not counted: attach the agent to the fork with "
                        + "-jvmArgsAppend -javaagent:<budget4j>/target/budget4j-agent.jar");
            }
        }
    }

    /** A run open on the benchmark thread for one iteration, with limits no iteration reaches. */
    @State(Scope.Thread)
    public static class OpenRun {
        private BudgetScope scope;

        @Setup(Level.Iteration)
        public void open() {
            scope = BudgetContext.open(RunBudget.builder().maxSteps(Integer.MAX_VALUE - 1)
                    .maxTokens(Long.MAX_VALUE / 2).maxSeconds(24 * 3600).maxNestedToolCalls(100).build(),
                    "WovenCallBenchmark");
        }

        @TearDown(Level.Iteration)
        public void close() {
            scope.close();
        }
    }

    @Benchmark
    public void wovenInsideRun(OpenRun run, Blackhole bh) {
        bh.consume(client.complete(prompt));
    }

    @Benchmark
    public void wovenOutsideRun(Blackhole bh) {
        bh.consume(client.complete(prompt));
    }

    @Benchmark
    public void unwovenInsideRun(OpenRun run, Blackhole bh) {
        bh.consume(client.completeUnwoven(prompt));
    }
}
