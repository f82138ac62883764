package io.budget4j.integrations;

import io.budget4j.tokens.UsageReader;

import java.util.List;

/**
 * Spring AI 1.x with OpenAI: {@code ChatModel.call} may make several requests (tool round trips,
 * retries) and reports cumulative usage, so the per-request choke point is {@code OpenAiApi}.
 * Tools are {@code ToolCallback.call(String, ToolContext)}.
 */
final class SpringAi {
    private static final String API = "org.springframework.ai.openai.api.OpenAiApi";

    private SpringAi() {
    }

    static List<BuiltInRule> rules() {
        return List.of(
                BuiltInIntegrations.modelCall("spring_ai", API + "#chatCompletionEntity(" + API
                        + "$ChatCompletionRequest, org.springframework.util.MultiValueMap)", new EntityAdapter()),
                BuiltInIntegrations.toolCall("spring_ai", "org.springframework.ai.tool.ToolCallback#call("
                        + "java.lang.String, org.springframework.ai.chat.model.ToolContext)"));
    }

    /** Usage is in the body of the {@code ResponseEntity}; model and max tokens in the request. */
    static class EntityAdapter implements ModelCallAdapter {
        @Override
        public long usage(Object result) {
            Object body = Reflect.get(result, "getBody");
            return body == null ? -1 : UsageReader.tokensOf(body);
        }

        @Override
        public String model(Object self, Object[] args) {
            return Reflect.text(args[0], "model");
        }

        @Override
        public long reserve(Object self, Object[] args) {
            return Math.max(0, Math.max(Reflect.number(args[0], "maxTokens"),
                    Reflect.number(args[0], "maxCompletionTokens")));
        }
    }
}
