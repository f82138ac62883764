package io.budget4j.integrations;

import io.budget4j.internal.Observers;
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
                BuiltInIntegrations.modelCall("spring_ai", API + "#chatCompletionStream(" + API
                        + "$ChatCompletionRequest, org.springframework.util.MultiValueMap)", new StreamAdapter()),
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

    /**
     * {@code chatCompletionStream} returns a cold {@code Flux} of chunks, made when Spring AI
     * subscribes; it is replaced by one that counts, cuts off, records, and passes the stream's
     * signals on in the call's budget context ({@link ReactiveStream}).
     */
    static class StreamAdapter extends EntityAdapter {
        @Override
        public long usage(Object result) {
            return -1;
        }

        @Override
        public Object result(Object flux, PendingModelCall call) {
            if (flux == null) {
                return null;
            }
            try {
                Object counted = ReactiveStream.counted(flux, call);
                if (counted == null) {
                    return flux;
                }
                call.defer();
                return counted;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Observers.internalError("could not follow a Spring AI stream; it is recorded without its tokens", e);
                return flux;
            }
        }
    }
}
