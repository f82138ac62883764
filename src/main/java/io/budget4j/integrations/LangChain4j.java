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
}
