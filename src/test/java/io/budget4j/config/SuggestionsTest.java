package io.budget4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> LIMITS = List.of("max_steps", "max_tokens", "max_seconds",
            "max_nested_tool_calls");

    @Test
    void typosAreMatchedToTheNearestKnownName() {
        assertEquals(Optional.of("max_steps"), Suggestions.nearest("max_step", LIMITS));
        assertEquals(Optional.of("max_tokens"), Suggestions.nearest("max_tokesn", LIMITS), "a swap is one edit");
        assertEquals(Optional.of("max_seconds"), Suggestions.nearest("max_secnds", LIMITS));
        assertEquals(Optional.of("max_nested_tool_calls"), Suggestions.nearest("max_nested_tools_call", LIMITS));
    }

    @Test
    void caseUnderscoresAndDashesDoNotCount() {
        assertEquals(Optional.of("max_tokens"), Suggestions.nearest("maxTokens", LIMITS));
        assertEquals(Optional.of("max_steps"), Suggestions.nearest("MAX-STEPS", LIMITS));
    }

    @Test
    void aKnownNameContainingTheWrongOneIsSuggested() {
        assertEquals(Optional.of("max_tokens"), Suggestions.nearest("tokens", LIMITS));
    }

    @Test
    void nothingFarOffIsSuggested() {
        assertEquals(Optional.empty(), Suggestions.nearest("budget", LIMITS));
        assertEquals(Optional.empty(), Suggestions.nearest("foo", List.of("low", "normal", "high")));
        assertEquals(Optional.empty(), Suggestions.nearest("", LIMITS));
    }

    @Test
    void adviceListsTheKnownNamesWithOrWithoutASuggestion() {
        assertEquals("; did you mean 'high'? Known values: low, normal, high",
                Suggestions.advice("hgh", List.of("low", "normal", "high"), "values"));
        assertEquals("; known values: low, normal, high",
                Suggestions.advice("urgent", List.of("low", "normal", "high"), "values"));
    }
}
