package io.budget4j.it.apps;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputMessage;
import com.openai.models.responses.ResponseOutputText;
import com.openai.models.responses.ResponseStreamEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * An ordinary OpenAI Java SDK application, unaware of budget4j: chat completions (blocking,
 * streaming with usage at the end, async), the Responses API (blocking and streaming), and a
 * tool loop the application runs itself (the SDK executes no tools), calling
 * {@link #weatherTool(String)} for each tool call the model asks for.
 *
 * <p>{@code main(baseUrl, script)} runs {@link #converse(String)} and prints what happened
 * ({@link AppConsole}). Budgets reach it only through YAML, e.g.
 * {@code budgeted: io.budget4j.it.apps.OpenAiSdkApp#converse} and
 * {@code tool_call: io.budget4j.it.apps.OpenAiSdkApp#weatherTool}.
 */
public final class OpenAiSdkApp {
    static final String MODEL = "gpt-4o-mini";
    private static final int MAX_TOOL_ROUNDS = 10;

    private final OpenAIClient client;
    private final List<String> replies = new ArrayList<>();
    private int chats;

    public OpenAiSdkApp(String baseUrl) {
        this.client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("test-key").maxRetries(0).build();
    }

    public static void main(String[] args) {
        OpenAiSdkApp app = new OpenAiSdkApp(args[0]);
        AppConsole.run("openai-java", () -> app.converse(args[1]), app.replies);
        // OkHttp keeps non-daemon threads for a while; the launcher should not wait for them.
        System.exit(0);
    }

    /**
     * One conversation: the steps of {@code script} in order: {@code chat:N}, {@code stream},
     * {@code async}, {@code responses}, {@code responses-stream}, {@code tools}.
     */
    public List<String> converse(String script) {
        for (String step : AppConsole.steps(script)) {
            switch (step) {
                case "chat" -> replies.add(text(client.chat().completions().create(chatParams("Question " + (++chats)))));
                case "stream" -> replies.add(stream());
                case "async" -> replies.add(async());
                case "responses" -> replies.add(text(client.responses().create(responseParams())));
                case "responses-stream" -> replies.add(streamResponse());
                case "tools" -> replies.add(withTools());
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        }
        return replies;
    }

    public List<String> replies() {
        return replies;
    }

    /** The application's own tool: takes the model's JSON arguments, returns the result text. */
    public String weatherTool(String argumentsJson) {
        String city = argumentsJson.replaceAll(".*\"city\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        return Weather.lookup(city);
    }

    private static ChatCompletionCreateParams chatParams(String question) {
        return ChatCompletionCreateParams.builder().model(MODEL).maxCompletionTokens(64).addUserMessage(question).build();
    }

    private static ResponseCreateParams responseParams() {
        return ResponseCreateParams.builder().model(MODEL).maxOutputTokens(64).input("Tell me a story").build();
    }

    private String stream() {
        ChatCompletionCreateParams params = chatParams("Tell me a story").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            return stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse(""))
                    .collect(Collectors.joining());
        }
    }

    private String async() {
        try {
            return text(client.async().chat().completions().create(chatParams("Question async")).join());
        } catch (CompletionException e) {
            throw AppConsole.unwrap(e);
        }
    }

    private String streamResponse() {
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(responseParams())) {
            return stream.stream()
                    .flatMap(event -> event.outputTextDelta().stream())
                    .map(delta -> delta.delta())
                    .collect(Collectors.joining());
        }
    }

    /** The usual hand-written tool loop: ask, run the tools the model calls, send their results, repeat. */
    private String withTools() {
        ChatCompletionCreateParams.Builder params = chatParams("What is the weather in Paris?").toBuilder()
                .addTool(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                        .name("weather").description("Current weather in a city")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                                .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                                .build())
                        .build()).build());
        for (int round = 0; round < MAX_TOOL_ROUNDS; round++) {
            ChatCompletionMessage message = client.chat().completions().create(params.build()).choices().get(0).message();
            List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElse(List.of());
            if (calls.isEmpty()) {
                return message.content().orElse("");
            }
            params.addMessage(message);
            for (ChatCompletionMessageToolCall call : calls) {
                ChatCompletionMessageFunctionToolCall function = call.asFunction();
                params.addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(function.id())
                        .content(weatherTool(function.function().arguments()))
                        .build());
            }
        }
        throw new IllegalStateException("the model kept calling tools for " + MAX_TOOL_ROUNDS + " rounds");
    }

    private static String text(ChatCompletion completion) {
        return completion.choices().get(0).message().content().orElse("");
    }

    private static String text(Response response) {
        return response.output().stream()
                .flatMap(item -> item.message().stream())
                .flatMap((ResponseOutputMessage m) -> m.content().stream())
                .flatMap(content -> content.outputText().stream())
                .map(ResponseOutputText::text)
                .collect(Collectors.joining());
    }
}
