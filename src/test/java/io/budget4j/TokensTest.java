package io.budget4j;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TokensTest {
    private static final String RUSSIAN = "Привет, как дела? Это тест токенизатора.";

    @Test
    void estimateIsOneTokenPerFourCharactersRoundedUp() {
        assertEquals(0, Tokens.estimate(null));
        assertEquals(0, Tokens.estimate(""));
        assertEquals(1, Tokens.estimate("a"));
        assertEquals(1, Tokens.estimate("abcd"));
        assertEquals(2, Tokens.estimate("abcde"));
        assertEquals(3, Tokens.estimate("hello world"));
    }

    @Test
    void estimateCountsCharactersNotUtf16Units() {
        // four emoji are four characters (eight UTF-16 units), as Python's len counts them
        assertEquals(1, Tokens.estimate("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"));
    }

    @Test
    void helloWorldIsTwoTokensInBothEncodings() {
        assertEquals(2, Tokens.count("hello world", "gpt-4o"));
        assertEquals(2, Tokens.count("hello world", "gpt-4"));
    }

    @Test
    void countUsesTheModelsOwnTokenizer() {
        Encoding o200k = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        Encoding cl100k = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        // text the two tokenizers split differently, so the choice of tokenizer shows
        assertNotEquals(o200k.countTokensOrdinary(RUSSIAN), cl100k.countTokensOrdinary(RUSSIAN));

        assertEquals(o200k.countTokensOrdinary(RUSSIAN), Tokens.count(RUSSIAN, "gpt-4o-mini"));
        assertEquals(o200k.countTokensOrdinary(RUSSIAN), Tokens.count(RUSSIAN, "o3-mini"));
        assertEquals(cl100k.countTokensOrdinary(RUSSIAN), Tokens.count(RUSSIAN, "gpt-3.5-turbo"));
        assertEquals(cl100k.countTokensOrdinary(RUSSIAN), Tokens.count(RUSSIAN, "OpenAI/GPT-4-Turbo"));
        assertEquals(o200k.countTokensOrdinary(RUSSIAN), Tokens.count(RUSSIAN, null));
    }

    @Test
    void specialTokenMarkersAreCountedAsOrdinaryText() {
        // jtokkit's countTokens would throw on this text; user content is never special tokens
        int tokens = Tokens.count("<|endoftext|>", "gpt-4o");
        assertEquals(Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE)
                .countTokensOrdinary("<|endoftext|>"), tokens);
    }

    @Test
    void emptyTextIsNoTokens() {
        assertEquals(0, Tokens.count(null, "gpt-4o"));
        assertEquals(0, Tokens.count("", "gpt-4o"));
    }

    @Test
    void encodingForNamesTheEncoding() {
        assertEquals("o200k_base", Tokens.encodingFor("gpt-4o"));
        assertEquals("cl100k_base", Tokens.encodingFor("gpt-4"));
        assertEquals("o200k_base", Tokens.encodingFor(null));
    }
}
