package io.budget4j.agent;

/** What a fallback produced: a value to return, or an exception to throw. Read by woven code. */
public final class FallbackOutcome {
    public final Object value;
    public final Throwable thrown;

    FallbackOutcome(Object value, Throwable thrown) {
        this.value = value;
        this.thrown = thrown;
    }
}
