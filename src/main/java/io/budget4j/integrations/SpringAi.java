package io.budget4j.integrations;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.internal.Observers;
import io.budget4j.tokens.UsageReader;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

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
     * subscribes. It becomes {@code flux.map(count).doOnError(remember).doFinally(record)}, called
     * reflectively with JDK functional interfaces so budget4j never links against Reactor. A chunk
     * that takes the run past its token budget is not passed on: the refusal thrown from the map
     * makes Reactor cancel the HTTP exchange and signal it as the stream's error.
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
            StreamTally tally = new StreamTally(call);
            Function<Object, Object> count = chunk -> {
                if (!tally.isCut()) {
                    tally.usage(StreamChunks.usage(chunk));
                    BudgetExhaustedException refusal = tally.text(StreamChunks.text(chunk));
                    if (refusal != null) {
                        throw refusal;
                    }
                }
                return chunk;
            };
            Consumer<Throwable> failed = tally::finish;
            Consumer<Object> ended = signal -> tally.finish(null);
            try {
                Object counted = Reflect.invoke(flux, "map", new Class<?>[]{Function.class}, count);
                Object remembered = Reflect.invoke(counted, "doOnError", new Class<?>[]{Consumer.class}, failed);
                Object recorded = Reflect.invoke(remembered, "doFinally", new Class<?>[]{Consumer.class}, ended);
                call.defer();
                return recorded;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Observers.internalError("could not follow a Spring AI stream; it is recorded without its tokens", e);
                return flux;
            }
        }
    }
}
