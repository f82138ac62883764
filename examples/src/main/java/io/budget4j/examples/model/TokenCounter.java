package io.budget4j.examples.model;

import io.budget4j.Tokens;

/** Counts tokens of a text in a model's tokenizer, for the simulated model and for estimates. */
final class TokenCounter {
    private TokenCounter() {
    }

    static long count(String text, String model) {
        return Tokens.count(text, model);
    }
}
