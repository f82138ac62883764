package io.budget4j;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** What a run has left of each limit; an empty value means that limit is not set. A snapshot. */
public final class BudgetRemaining {
    private final OptionalInt steps;
    private final OptionalLong tokens;
    private final Optional<Duration> time;
    private final OptionalInt nestedToolCalls;

    BudgetRemaining(OptionalInt steps, OptionalLong tokens, Optional<Duration> time, OptionalInt nestedToolCalls) {
        this.steps = steps;
        this.tokens = tokens;
        this.time = time;
        this.nestedToolCalls = nestedToolCalls;
    }

    public OptionalInt steps() {
        return steps;
    }

    public OptionalLong tokens() {
        return tokens;
    }

    public Optional<Duration> time() {
        return time;
    }

    /** Remaining wall time in seconds, if the run has a time limit. */
    public java.util.OptionalDouble seconds() {
        return time.isPresent() ? java.util.OptionalDouble.of(time.get().toNanos() / 1e9)
                : java.util.OptionalDouble.empty();
    }

    /** The deepest nesting a tool call may still reach, counted from the top of the run. */
    public OptionalInt nestedToolCalls() {
        return nestedToolCalls;
    }

    @Override
    public String toString() {
        return "steps=" + (steps.isPresent() ? String.valueOf(steps.getAsInt()) : "unlimited")
                + ", tokens=" + (tokens.isPresent() ? String.valueOf(tokens.getAsLong()) : "unlimited")
                + ", seconds=" + (time.isPresent()
                        ? String.format(java.util.Locale.ROOT, "%.3f", time.get().toNanos() / 1e9) : "unlimited");
    }
}
