package io.budget4j.examples.model;

/**
 * A model's reply. It reports its {@link #usage()} the way the OpenAI API does, so the budget4j
 * agent reads the tokens a {@code @ModelCall} method spent off the value it returns.
 */
public record ChatResponse(String content, TokenUsage usage) {
}
