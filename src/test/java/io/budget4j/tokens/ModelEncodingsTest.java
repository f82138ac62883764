package io.budget4j.tokens;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ModelEncodingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "gpt-4o-mini", "gpt-4o-2024-08-06", "chatgpt-4o-latest", "gpt-4.1",
            "gpt-4.1-nano", "gpt-4.5-preview", "gpt-5", "gpt-5-mini", "o1", "o1-mini", "o1-preview", "o3",
            "o3-mini", "o4-mini", "gpt-oss-120b", "openai/gpt-4o", "GPT-4O", " gpt-4o ", "ft:gpt-4o-mini:acme::abc"})
    void currentOpenAiModelsUseO200k(String model) {
        assertEquals("o200k_base", ModelEncodings.nameFor(model));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4", "gpt-4-0613", "gpt-4-turbo", "gpt-4-turbo-2024-04-09", "gpt-4-32k",
            "gpt-3.5-turbo", "gpt-3.5-turbo-16k", "gpt-35-turbo", "text-embedding-3-small",
            "text-embedding-3-large", "text-embedding-ada-002", "azure/gpt-4", "ft:gpt-3.5-turbo:acme::x"})
    void olderGpt4AndGpt35AndEmbeddingsUseCl100k(String model) {
        assertEquals("cl100k_base", ModelEncodings.nameFor(model));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"claude-sonnet-4", "anthropic/claude-3-5-haiku", "gemini-2.5-pro", "llama3", "my-deployment", "omni"})
    void otherNamesUseTheDefault(String model) {
        assertEquals(ModelEncodings.DEFAULT_ENCODING, ModelEncodings.nameFor(model));
        assertEquals("o200k_base", ModelEncodings.DEFAULT_ENCODING);
    }

    @ParameterizedTest
    @CsvSource({"gpt-4o, o200k_base", "gpt-4, cl100k_base", "claude-3-opus, o200k_base"})
    void theLoadedEncodingIsTheNamedOne(String model, String encoding) {
        assertEquals(encoding, ModelEncodings.forModel(model).getName());
    }

    @Test
    void aModelNameIsResolvedOnce() {
        assertSame(ModelEncodings.forModel("gpt-4o-mini"), ModelEncodings.forModel("gpt-4o-mini"));
        assertSame(ModelEncodings.forModel(null), ModelEncodings.forModel(""));
    }
}
