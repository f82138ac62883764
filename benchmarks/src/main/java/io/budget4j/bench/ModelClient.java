package io.budget4j.bench;

import io.budget4j.ModelCall;

/**
 * A model client whose call costs next to nothing, so a benchmark of it measures what is woven
 * around it. {@link #complete} and {@link #completeUnwoven} have the same body; only the first
 * carries {@code @ModelCall}.
 */
public class ModelClient {
    /** What the OpenAI API's {@code usage} reports, as primitives. */
    public record Usage(int promptTokens, int completionTokens, int totalTokens) {
    }

    /** A reply that reports its usage, as real clients' responses do. */
    public record Response(String content, Usage usage) {
    }

    // Preallocated: the body allocates nothing, so any allocation measured is the advice's.
    private static final Response ANSWER = new Response("Machine learning learns from data.", new Usage(12, 30, 42));
    private static final Response EMPTY = new Response("", new Usage(0, 0, 0));

    @ModelCall(model = "gpt-4o-mini")
    public Response complete(String prompt) {
        return prompt.isEmpty() ? EMPTY : ANSWER;
    }

    public Response completeUnwoven(String prompt) {
        return prompt.isEmpty() ? EMPTY : ANSWER;
    }
}
