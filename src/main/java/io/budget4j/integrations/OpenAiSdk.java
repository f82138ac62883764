package io.budget4j.integrations;

import java.util.List;

/**
 * The OpenAI Java SDK: every {@code create} and {@code createStreaming} overload ends in the
 * two-argument form {@code (params, RequestOptions)} of the chat-completions and responses
 * services, blocking and async. The SDK runs no tools itself.
 */
final class OpenAiSdk {
    private static final String OPTIONS = "com.openai.core.RequestOptions";

    private OpenAiSdk() {
    }

    static List<BuiltInRule> rules() {
        String chat = "com.openai.models.chat.completions.ChatCompletionCreateParams, " + OPTIONS + ")";
        String responses = "com.openai.models.responses.ResponseCreateParams, " + OPTIONS + ")";
        return List.of(
                rule("blocking.chat.ChatCompletionService#create(" + chat, new ParamsAdapter()),
                rule("blocking.ResponseService#create(" + responses, new ParamsAdapter()),
                rule("blocking.chat.ChatCompletionService#createStreaming(" + chat, new StreamingAdapter()),
                rule("blocking.ResponseService#createStreaming(" + responses, new StreamingAdapter()),
                rule("async.chat.ChatCompletionServiceAsync#create(" + chat, new AsyncAdapter()),
                rule("async.ResponseServiceAsync#create(" + responses, new AsyncAdapter()),
                rule("async.chat.ChatCompletionServiceAsync#createStreaming(" + chat, new AsyncStreamingAdapter()),
                rule("async.ResponseServiceAsync#createStreaming(" + responses, new AsyncStreamingAdapter()));
    }

    private static BuiltInRule rule(String serviceMethod, ModelCallAdapter adapter) {
        return BuiltInIntegrations.modelCall("openai", "com.openai.services." + serviceMethod, adapter);
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

    /** {@code createStreaming}: a {@code StreamResponse}, counted and recorded as it is read. */
    static class StreamingAdapter extends ParamsAdapter {
        @Override
        public Object result(Object result, PendingModelCall call) {
            return OpenAiSdkStreams.blocking(result, call);
        }
    }

    /** The async {@code create}: a future, recorded before whoever waits for it sees its value. */
    static class AsyncAdapter extends ParamsAdapter {
        @Override
        public Object result(Object result, PendingModelCall call) {
            return OpenAiSdkStreams.recordedWhenDone(result, call);
        }
    }

    /** The async {@code createStreaming}: an {@code AsyncStreamResponse} whose handlers count and record. */
    static class AsyncStreamingAdapter extends ParamsAdapter {
        @Override
        public Object result(Object result, PendingModelCall call) {
            return OpenAiSdkStreams.async(result, call);
        }
    }
}
