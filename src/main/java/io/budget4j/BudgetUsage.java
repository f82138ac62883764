package io.budget4j;

import java.time.Duration;
import java.util.Objects;

/** What a run has spent so far: a snapshot, immutable. */
public final class BudgetUsage {
    private final int steps;
    private final long tokens;
    private final Duration elapsed;
    private final int modelCalls;
    private final int toolCalls;

    public BudgetUsage(int steps, long tokens, Duration elapsed, int modelCalls, int toolCalls) {
        this.steps = steps;
        this.tokens = tokens;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.modelCalls = modelCalls;
        this.toolCalls = toolCalls;
    }

    /** Model and tool calls that were allowed to run. */
    public int steps() {
        return steps;
    }

    /** Tokens recorded from model calls (reported usage, else counted). */
    public long tokens() {
        return tokens;
    }

    /** Wall time since the run opened (until it closed, for a closed run). */
    public Duration elapsed() {
        return elapsed;
    }

    public int modelCalls() {
        return modelCalls;
    }

    public int toolCalls() {
        return toolCalls;
    }

    /** Elapsed wall time in seconds, as the seed reports it. */
    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "steps=%d, tokens=%d, seconds=%.3f", steps, tokens, seconds());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BudgetUsage)) {
            return false;
        }
        BudgetUsage u = (BudgetUsage) o;
        return steps == u.steps && tokens == u.tokens && elapsed.equals(u.elapsed)
                && modelCalls == u.modelCalls && toolCalls == u.toolCalls;
    }

    @Override
    public int hashCode() {
        return Objects.hash(steps, tokens, elapsed, modelCalls, toolCalls);
    }
}
