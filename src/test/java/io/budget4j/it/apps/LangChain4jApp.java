package io.budget4j.it.apps;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An ordinary LangChain4j 1.x application, unaware of budget4j: it talks to an OpenAI-compatible
 * server through {@link OpenAiChatModel} (each public {@code chat} overload once),
 * {@link OpenAiStreamingChatModel}, and an {@link AiServices} assistant with a tool.
 *
 * <p>{@code main(baseUrl, script)} runs {@link #converse(String)} and prints what happened
 * ({@link AppConsole}). Budgets reach it only through YAML, e.g.
 * {@code budgeted: io.budget4j.it.apps.LangChain4jApp#converse}.
 */
public final class LangChain4jApp {
    static final String MODEL = "gpt-4o-mini";

    private final ChatModel chatModel;
    private final StreamingChatModel streamingModel;
    private final Assistant assistant;
    private final List<String> replies = new ArrayList<>();
    private int chats;

    /** The AI service LangChain4j implements: chat with tools. */
    public interface Assistant {
        String chat(String message);
    }

    /** The tools LangChain4j offers the model. */
    public static final class WeatherTools {
        @Tool("Current weather in a city")
        public String weather(@P("the city") String city) {
            return Weather.lookup(city);
        }
    }

    public LangChain4jApp(String baseUrl) {
        this.chatModel = OpenAiChatModel.builder()
                .baseUrl(baseUrl).apiKey("test-key").modelName(MODEL).maxTokens(64).maxRetries(0)
                .build();
        this.streamingModel = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl).apiKey("test-key").modelName(MODEL).maxTokens(64)
                .build();
        this.assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel).tools(new WeatherTools())
                .build();
    }

    public static void main(String[] args) {
        LangChain4jApp app = new LangChain4jApp(args[0]);
        AppConsole.run("langchain4j", () -> app.converse(args[1]), app.replies);
        System.exit(0);
    }

    /** One conversation: the steps of {@code script} ({@code chat:N}, {@code stream}, {@code tools}) in order. */
    public List<String> converse(String script) {
        for (String step : AppConsole.steps(script)) {
            switch (step) {
                case "chat" -> replies.add(chat());
                case "stream" -> replies.add(stream());
                case "tools" -> replies.add(assistant.chat("What is the weather in Paris?"));
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        }
        return replies;
    }

    public List<String> replies() {
        return replies;
    }

    /** Rotates through the public overloads, which all end in one request each. */
    private String chat() {
        String question = "Question " + (++chats);
        return switch (chats % 3) {
            case 1 -> chatModel.chat(question);
            case 2 -> chatModel.chat(ChatRequest.builder().messages(UserMessage.from(question)).build()).aiMessage().text();
            default -> chatModel.chat(UserMessage.from(question)).aiMessage().text();
        };
    }

    private String stream() {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        streamingModel.chat("Tell me a story", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                text.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            done.join();
        } catch (CompletionException e) {
            throw AppConsole.unwrap(e);
        }
        return text.toString();
    }
}
