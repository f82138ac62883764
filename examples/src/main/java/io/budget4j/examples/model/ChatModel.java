package io.budget4j.examples.model;

/** A chat model: one system prompt and one user prompt in, one reply with its token usage out. */
public interface ChatModel {
    ChatResponse chat(String systemPrompt, String userPrompt);

    /** How this model is shown to the user, e.g. {@code simulated gpt-4o-mini (offline)}. */
    String describe();
}
