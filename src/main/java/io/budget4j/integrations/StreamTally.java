package io.budget4j.integrations;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.Tokens;
import io.budget4j.internal.Observers;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running count of one streamed answer: the tokens of its text so far, the usage it reported
 * (usually in its last chunk), and whether it was cut off. Records the call once, when the stream
 * ends, with the reported usage if there was one, else the counted text.
 */
final class StreamTally {
    private final PendingModelCall call;
    private final AtomicBoolean cut = new AtomicBoolean();
    private long counted;
    private volatile long reported = -1;

    StreamTally(PendingModelCall call) {
        this.call = call;
    }

    /**
     * Counts a piece of streamed text. Returns the refusal to cut the stream off with, once: when
     * the text so far would take the run past its token budget; else null.
     */
    BudgetExhaustedException text(CharSequence text) {
        if (text == null || text.length() == 0 || cut.get()) {
            return null;
        }
        long soFar;
        try {
            synchronized (this) {
                counted += Tokens.count(text.toString(), call.model());
                soFar = counted;
            }
        } catch (RuntimeException | LinkageError e) {
            Observers.internalError("could not count a streamed answer's text", e);
            return null;
        }
        BudgetExhaustedException refusal = call.cutOff(soFar);
        if (refusal != null && cut.compareAndSet(false, true)) {
            finish(refusal);
            return refusal;
        }
        return null;
    }

    /** The usage a chunk reported (negative when it reported none). */
    void usage(long tokens) {
        if (tokens >= 0) {
            reported = tokens;
        }
    }

    /** Whether the stream was cut off: what still arrives is dropped. */
    boolean isCut() {
        return cut.get();
    }

    /** Records the call (once): the reported usage, else the counted text. */
    void finish(Throwable failure) {
        long tokens = reported;
        if (tokens < 0) {
            synchronized (this) {
                tokens = counted;
            }
        }
        call.finish(tokens, failure);
    }

    PendingModelCall call() {
        return call;
    }
}
