package io.budget4j.examples.model;

/** Tokens one model call spent, as the OpenAI API's {@code usage} object reports them. */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
    public static TokenUsage of(long promptTokens, long completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, promptTokens + completionTokens);
    }
}
