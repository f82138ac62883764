package io.budget4j.integrations;

import java.util.List;

/**
 * LangChain4j 1.x: every {@code ChatModel.chat} overload ends in {@code doChat(ChatRequest)}, one
 * per HTTP request, with the request's model and max output tokens already merged in. Tools run
 * through {@code ToolService.executeWithErrorHandling}, outside the try/catch that would turn a
 * refusal into text for the model.
 */
final class LangChain4j {
    private static final String CHAT_REQUEST = "dev.langchain4j.model.chat.request.ChatRequest";

    private LangChain4j() {
    }

    static List<BuiltInRule> rules() {
        return List.of(
                BuiltInIntegrations.modelCall("langchain4j",
                        "dev.langchain4j.model.chat.ChatModel#doChat(" + CHAT_REQUEST + ")", new ChatAdapter()),
                BuiltInIntegrations.modelCall("langchain4j",
                        "dev.langchain4j.model.chat.StreamingChatModel#doChat(" + CHAT_REQUEST + ", "
                                + LangChain4jStreamHandler.HANDLER + ")", new StreamingAdapter()),
                BuiltInIntegrations.toolCall("langchain4j",
                        "dev.langchain4j.service.tool.ToolService#executeWithErrorHandling"));
    }

    /** Model and max output tokens from the {@code ChatRequest}; usage is the response's tokenUsage(). */
    static class ChatAdapter implements ModelCallAdapter {
        @Override
        public String model(Object self, Object[] args) {
            return Reflect.text(args[0], "modelName");
        }

        @Override
        public long reserve(Object self, Object[] args) {
            return Math.max(0, Reflect.number(args[0], "maxOutputTokens"));
        }
    }

    /**
     * {@code doChat(request, handler)} returns at once; the answer arrives through the handler,
     * which is replaced by one that counts, cuts off and records ({@link LangChain4jStreamHandler}).
     */
    static class StreamingAdapter extends ChatAdapter {
        @Override
        public Object[] arguments(Object[] args, PendingModelCall call) {
            Object handler = LangChain4jStreamHandler.wrap(args[1], call);
            if (handler == null) {
                return args;
            }
            Object[] wrapped = args.clone();
            wrapped[1] = handler;
            call.defer();
            return wrapped;
        }
    }
}
