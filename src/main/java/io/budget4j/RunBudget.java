package io.budget4j;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The limits of one agent run: the seed's four (max steps, max tokens, max seconds, max nested
 * tool calls). Each is optional; an absent limit is unlimited. Immutable.
 *
 * <pre>{@code
 * RunBudget budget = RunBudget.builder().maxSteps(5).maxTokens(2000).maxSeconds(10).build();
 * }</pre>
 */
public final class RunBudget {
    /** No limits at all. */
    public static final RunBudget UNLIMITED = new Builder().build();

    static final int NO_INT_LIMIT = Integer.MAX_VALUE;
    static final long NO_LONG_LIMIT = Long.MAX_VALUE;

    private final int maxSteps;
    private final long maxTokens;
    private final double maxSeconds;
    private final int maxNestedToolCalls;
    private final String profile;

    private RunBudget(Builder b) {
        this.maxSteps = b.maxSteps;
        this.maxTokens = b.maxTokens;
        this.maxSeconds = b.maxSeconds;
        this.maxNestedToolCalls = b.maxNestedToolCalls;
        this.profile = b.profile;
    }

    /** The seed's constructor: {@code RunBudget(max_steps, max_tokens, max_seconds)}. */
    public static RunBudget of(int maxSteps, long maxTokens, double maxSeconds) {
        return builder().maxSteps(maxSteps).maxTokens(maxTokens).maxSeconds(maxSeconds).build();
    }

    /** The seed's constructor with {@code max_nested_tool_calls}. */
    public static RunBudget of(int maxSteps, long maxTokens, double maxSeconds, int maxNestedToolCalls) {
        return builder().maxSteps(maxSteps).maxTokens(maxTokens).maxSeconds(maxSeconds)
                .maxNestedToolCalls(maxNestedToolCalls).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this budget's limits, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxSteps = maxSteps;
        b.maxTokens = maxTokens;
        b.maxSeconds = maxSeconds;
        b.maxNestedToolCalls = maxNestedToolCalls;
        b.profile = profile;
        return b;
    }

    public OptionalInt maxSteps() {
        return maxSteps == NO_INT_LIMIT ? OptionalInt.empty() : OptionalInt.of(maxSteps);
    }

    public OptionalLong maxTokens() {
        return maxTokens == NO_LONG_LIMIT ? OptionalLong.empty() : OptionalLong.of(maxTokens);
    }

    public OptionalDouble maxSeconds() {
        return Double.isInfinite(maxSeconds) ? OptionalDouble.empty() : OptionalDouble.of(maxSeconds);
    }

    /** The time limit as a {@link Duration}, if there is one. */
    public Optional<Duration> maxTime() {
        return Double.isInfinite(maxSeconds) ? Optional.empty() : Optional.of(secondsToDuration(maxSeconds));
    }

    public OptionalInt maxNestedToolCalls() {
        return maxNestedToolCalls == NO_INT_LIMIT ? OptionalInt.empty() : OptionalInt.of(maxNestedToolCalls);
    }

    /** The YAML profile these limits came from, if any; named in exhaustion messages. */
    public Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    /** True when no limit is set. */
    public boolean isUnlimited() {
        return maxSteps == NO_INT_LIMIT && maxTokens == NO_LONG_LIMIT && Double.isInfinite(maxSeconds)
                && maxNestedToolCalls == NO_INT_LIMIT;
    }

    /** Each limit the tighter of this budget's and {@code other}'s; the profile is this one's. */
    public RunBudget tighterOf(RunBudget other) {
        Builder b = toBuilder();
        b.maxSteps = Math.min(maxSteps, other.maxSteps);
        b.maxTokens = Math.min(maxTokens, other.maxTokens);
        b.maxSeconds = Math.min(maxSeconds, other.maxSeconds);
        b.maxNestedToolCalls = Math.min(maxNestedToolCalls, other.maxNestedToolCalls);
        return b.build();
    }

    // Raw values for the engine: sentinels instead of Optionals, so the hot path boxes nothing.
    int rawMaxSteps() {
        return maxSteps;
    }

    long rawMaxTokens() {
        return maxTokens;
    }

    double rawMaxSeconds() {
        return maxSeconds;
    }

    int rawMaxNestedToolCalls() {
        return maxNestedToolCalls;
    }

    static Duration secondsToDuration(double seconds) {
        return Duration.ofNanos((long) Math.min(Long.MAX_VALUE, Math.ceil(seconds * 1e9)));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RunBudget{");
        if (profile != null) {
            s.append("profile=").append(profile).append(", ");
        }
        s.append("maxSteps=").append(maxSteps == NO_INT_LIMIT ? "unlimited" : String.valueOf(maxSteps));
        s.append(", maxTokens=").append(maxTokens == NO_LONG_LIMIT ? "unlimited" : String.valueOf(maxTokens));
        s.append(", maxSeconds=").append(Double.isInfinite(maxSeconds) ? "unlimited"
                : String.format(Locale.ROOT, "%s", maxSeconds));
        s.append(", maxNestedToolCalls=")
                .append(maxNestedToolCalls == NO_INT_LIMIT ? "unlimited" : String.valueOf(maxNestedToolCalls));
        return s.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RunBudget)) {
            return false;
        }
        RunBudget r = (RunBudget) o;
        return maxSteps == r.maxSteps && maxTokens == r.maxTokens && Double.compare(maxSeconds, r.maxSeconds) == 0
                && maxNestedToolCalls == r.maxNestedToolCalls && Objects.equals(profile, r.profile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxSteps, maxTokens, maxSeconds, maxNestedToolCalls, profile);
    }

    /** Builds a {@link RunBudget}; every limit must be positive, an unset limit is unlimited. */
    public static final class Builder {
        private int maxSteps = NO_INT_LIMIT;
        private long maxTokens = NO_LONG_LIMIT;
        private double maxSeconds = Double.POSITIVE_INFINITY;
        private int maxNestedToolCalls = NO_INT_LIMIT;
        private String profile;

        private Builder() {
        }

        public Builder maxSteps(int maxSteps) {
            this.maxSteps = positive("maxSteps", maxSteps);
            return this;
        }

        public Builder maxTokens(long maxTokens) {
            if (maxTokens <= 0) {
                throw refused("maxTokens", String.valueOf(maxTokens));
            }
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder maxSeconds(double maxSeconds) {
            if (!(maxSeconds > 0) || Double.isNaN(maxSeconds)) {
                throw refused("maxSeconds", String.valueOf(maxSeconds));
            }
            this.maxSeconds = maxSeconds;
            return this;
        }

        public Builder maxTime(Duration maxTime) {
            Objects.requireNonNull(maxTime, "maxTime");
            return maxSeconds(maxTime.toNanos() / 1e9);
        }

        public Builder maxNestedToolCalls(int maxNestedToolCalls) {
            this.maxNestedToolCalls = positive("maxNestedToolCalls", maxNestedToolCalls);
            return this;
        }

        /** The profile name these limits come from; shown in exhaustion messages. */
        public Builder profile(String profile) {
            this.profile = profile == null || profile.isEmpty() ? null : profile;
            return this;
        }

        public RunBudget build() {
            return new RunBudget(this);
        }

        private static int positive(String name, int value) {
            if (value <= 0) {
                throw refused(name, String.valueOf(value));
            }
            return value;
        }

        private static IllegalArgumentException refused(String name, String value) {
            return new IllegalArgumentException(name + " must be a positive number, but was " + value
                    + "; leave it unset for no limit");
        }
    }
}
