package io.budget4j.integrations;

import java.util.List;

/**
 * The OpenAI Java SDK: every {@code create} overload ends in the two-argument
 * {@code create(params, RequestOptions)} of the chat-completions and responses services. The
 * SDK runs no tools itself.
 */
final class OpenAiSdk {
    private static final String OPTIONS = "com.openai.core.RequestOptions";

    private OpenAiSdk() {
    }

    static List<BuiltInRule> rules() {
        return List.of(
                BuiltInIntegrations.modelCall("openai", "com.openai.services.blocking.chat.ChatCompletionService#create("
                        + "com.openai.models.chat.completions.ChatCompletionCreateParams, " + OPTIONS + ")",
                        new ParamsAdapter()),
                BuiltInIntegrations.modelCall("openai", "com.openai.services.blocking.ResponseService#create("
                        + "com.openai.models.responses.ResponseCreateParams, " + OPTIONS + ")", new ParamsAdapter()));
    }

    /** Model and max output tokens from the create params. */
    static class ParamsAdapter implements ModelCallAdapter {
        @Override
        public String model(Object self, Object[] args) {
            return Reflect.text(args[0], "model");
        }

        @Override
        public long reserve(Object self, Object[] args) {
            long max = Reflect.number(args[0], "maxCompletionTokens");
            if (max < 0) {
                max = Reflect.number(args[0], "maxTokens");
            }
            if (max < 0) {
                max = Reflect.number(args[0], "maxOutputTokens");
            }
            return Math.max(0, max);
        }
    }
}
