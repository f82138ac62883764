package io.budget4j.internal;

/** What a fallback produced: a value to return, or an exception to throw. Read by woven code. */
public final class FallbackOutcome {
    public final Object value;
    public final Throwable thrown;

    public FallbackOutcome(Object value, Throwable thrown) {
        this.value = value;
        this.thrown = thrown;
    }
}
