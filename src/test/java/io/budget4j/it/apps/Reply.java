package io.budget4j.it.apps;

/** A model response that reports its usage, as real client libraries do. */
public record Reply(String text, Usage usage) {
    public record Usage(int promptTokens, int completionTokens) {
    }

    public static Reply of(String text, int promptTokens, int completionTokens) {
        return new Reply(text, new Usage(promptTokens, completionTokens));
    }
}
