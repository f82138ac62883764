package io.budget4j.it;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutor;
import io.budget4j.testing.FakeOpenAiServer;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.SimpleApiKey;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.retry.RetryUtils;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Pins the library behaviour the built-in integrations rely on (see docs/integrations.md), with
 * an ordinary unchecked exception standing in for a refusal. If an upgrade of LangChain4j or
 * Spring AI changes one of these, the integration's hook point has to move: this test says which.
 */
class LibraryBehaviourTest {
    static final class Refusal extends RuntimeException {
        Refusal() {
            super("refused");
        }
    }

    interface Bot {
        String chat(String message);
    }

    @Test
    void langChain4jAiServicePassesAModelRefusalThroughUnchanged() {
        Refusal refusal = new Refusal();
        ChatModel refusing = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw refusal;
            }
        };
        Bot bot = AiServices.builder(Bot.class).chatModel(refusing).build();

        assertSame(refusal, assertThrows(Refusal.class, () -> bot.chat("hi")));
    }

    /** Why the tool rule sits on ToolService.executeWithErrorHandling and not on ToolExecutor. */
    @Test
    void langChain4jTurnsAnExceptionFromAToolExecutorIntoTextForTheModel() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start().callToolsFirst(1, "{}")) {
            ChatModel model = dev.langchain4j.model.openai.OpenAiChatModel.builder()
                    .baseUrl(server.baseUrl()).apiKey("k").modelName("gpt-4o-mini").build();
            ToolExecutor refusing = (request, memoryId) -> {
                throw new Refusal();
            };
            Bot bot = AiServices.builder(Bot.class).chatModel(model)
                    .tools(Map.of(ToolSpecification.builder().name("lookup").description("d").build(), refusing))
                    .build();

            bot.chat("hi");

            assertEquals(2, server.requestCount());
            assertEquals(List.of("refused"), server.requests().get(1).toolResults());
        }
    }

    /** How a stream is cut off: cancel its handle, throw from the partial callback; the caller's handler gets onError. */
    @Test
    void langChain4jStreamCancelledFromAPartialCallbackEndsInOnError() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start().replyText("a b c d e f g h")) {
            OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                    .baseUrl(server.baseUrl()).apiKey("k").modelName("gpt-4o-mini").build();
            List<String> partials = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Throwable> error = new CompletableFuture<>();

            model.chat("hi", new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    partials.add(partial.text());
                    if (partials.size() == 2) {
                        context.streamingHandle().cancel();
                        throw new Refusal();
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    error.complete(null);
                }

                @Override
                public void onError(Throwable t) {
                    error.complete(t);
                }
            });

            assertEquals(Refusal.class, error.get(10, TimeUnit.SECONDS).getClass());
            assertEquals(List.of("a", " b"), List.copyOf(partials));
        }
    }

    @Test
    void springAiRetryTemplatePassesANonTransientRefusalThroughUnchanged() throws Exception {
        Refusal refusal = new Refusal();
        OpenAiApi refusingApi = new OpenAiApi("http://127.0.0.1:9", new SimpleApiKey("k"), new LinkedMultiValueMap<>(),
                "/v1/chat/completions", "/v1/embeddings", RestClient.builder(), WebClient.builder(),
                RetryUtils.DEFAULT_RESPONSE_ERROR_HANDLER) {
            @Override
            public ResponseEntity<ChatCompletion> chatCompletionEntity(ChatCompletionRequest request,
                                                                       MultiValueMap<String, String> headers) {
                throw refusal;
            }
        };
        OpenAiChatModel model = OpenAiChatModel.builder().openAiApi(refusingApi)
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").build()).build();

        assertSame(refusal, assertThrows(Refusal.class, () -> model.call("hi")));
    }

    /** A refusal at the entry of ToolCallback.call (where the tool rule's advice runs) reaches the caller. */
    @Test
    void springAiPassesARefusalFromToolCallbackCallThroughUnchanged() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start().callToolsFirst(1, "{}")) {
            Refusal refusal = new Refusal();
            ToolCallback refusing = new ToolCallback() {
                @Override
                public ToolDefinition getToolDefinition() {
                    return ToolDefinition.builder().name("lookup").description("d").inputSchema("{\"type\":\"object\"}").build();
                }

                @Override
                public String call(String toolInput) {
                    throw refusal;
                }
            };
            OpenAiChatModel model = springModel(server);
            Prompt prompt = new Prompt("hi", OpenAiChatOptions.builder().toolCallbacks(refusing).build());

            assertSame(refusal, assertThrows(Refusal.class, () -> model.call(prompt)));
            assertEquals(1, server.requestCount());
        }
    }

    /** But an exception from inside a @Tool method is wrapped and, by default, sent to the model as text. */
    @Test
    void springAiTurnsAnExceptionFromAToolMethodIntoTextForTheModel() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start().callToolsFirst(1, "{}")) {
            OpenAiChatModel model = springModel(server);
            Prompt prompt = new Prompt("hi", OpenAiChatOptions.builder().toolCallbacks(ToolCallbacks.from(new RefusingTools())).build());

            model.call(prompt);

            assertEquals(2, server.requestCount());
            assertEquals(List.of("refused"), server.requests().get(1).toolResults());
        }
    }

    public static final class RefusingTools {
        @Tool(description = "d")
        public String lookup() {
            throw new Refusal();
        }
    }

    private static OpenAiChatModel springModel(FakeOpenAiServer server) {
        OpenAiApi api = OpenAiApi.builder().baseUrl(server.baseUrl().replace("/v1", "")).apiKey("k").build();
        return OpenAiChatModel.builder().openAiApi(api)
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").build()).build();
    }
}
