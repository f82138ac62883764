package io.budget4j.it.apps;

import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An ordinary Spring AI 1.x application without Spring Boot, unaware of budget4j: it builds
 * {@link OpenAiApi} and {@link OpenAiChatModel} by hand and calls {@code call(Prompt)} (also through
 * {@code call(String)}), {@code stream(Prompt)} with usage at the stream's end, and a prompt with
 * a tool callback that Spring AI executes itself.
 *
 * <p>{@code main(baseUrl, script)} runs {@link #converse(String)} and prints what happened
 * ({@link AppConsole}). Budgets reach it only through YAML, e.g.
 * {@code budgeted: io.budget4j.it.apps.SpringAiApp#converse}.
 */
public final class SpringAiApp {
    static final String MODEL = "gpt-4o-mini";

    private final ChatModel chatModel;
    private final List<String> replies = new ArrayList<>();
    private int chats;

    /** The tools Spring AI offers the model. */
    public static final class WeatherTools {
        @Tool(description = "Current weather in a city")
        public String weather(@ToolParam(description = "the city") String city) {
            return Weather.lookup(city);
        }
    }

    /** @param baseUrl the server's URL ending in {@code /v1}; Spring AI adds {@code /v1/chat/completions} itself */
    public SpringAiApp(String baseUrl) {
        OpenAiApi api = OpenAiApi.builder()
                .baseUrl(baseUrl.replaceFirst("/v1/?$", ""))
                .apiKey("test-key")
                .build();
        this.chatModel = OpenAiChatModel.builder()
                .openAiApi(api)
                .defaultOptions(OpenAiChatOptions.builder().model(MODEL).maxTokens(64).build())
                .build();
    }

    public static void main(String[] args) {
        SpringAiApp app = new SpringAiApp(args[0]);
        AppConsole.run("spring-ai", () -> app.converse(args[1]), app.replies);
        System.exit(0);
    }

    /** One conversation: the steps of {@code script} ({@code chat:N}, {@code stream}, {@code tools}) in order. */
    public List<String> converse(String script) {
        for (String step : AppConsole.steps(script)) {
            switch (step) {
                case "chat" -> replies.add(chat());
                case "stream" -> replies.add(stream());
                case "tools" -> replies.add(withTools());
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        }
        return replies;
    }

    public List<String> replies() {
        return replies;
    }

    /** Alternates the convenience overload and {@code call(Prompt)}, which the overload delegates to. */
    private String chat() {
        String question = "Question " + (++chats);
        if (chats % 2 == 1) {
            return chatModel.call(question);
        }
        return chatModel.call(new Prompt(new UserMessage(question))).getResult().getOutput().getText();
    }

    private String stream() {
        Prompt prompt = new Prompt("Tell me a story", OpenAiChatOptions.builder().streamUsage(true).build());
        List<ChatResponse> chunks = chatModel.stream(prompt).collectList().block();
        return Objects.requireNonNull(chunks).stream()
                .filter(r -> r.getResult() != null && r.getResult().getOutput().getText() != null)
                .map(r -> r.getResult().getOutput().getText())
                .collect(Collectors.joining());
    }

    private String withTools() {
        Prompt prompt = new Prompt("What is the weather in Paris?",
                OpenAiChatOptions.builder().toolCallbacks(ToolCallbacks.from(new WeatherTools())).build());
        return chatModel.call(prompt).getResult().getOutput().getText();
    }
}
