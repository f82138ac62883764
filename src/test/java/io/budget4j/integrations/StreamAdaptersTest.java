package io.budget4j.integrations;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetManager;
import io.budget4j.BudgetScope;
import io.budget4j.Limit;
import io.budget4j.RunBudget;
import io.budget4j.Tokens;
import io.budget4j.testing.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.openai.api.OpenAiApi.ChatCompletionMessage;
import org.springframework.ai.openai.api.OpenAiApi.ChatCompletionRequest;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream and future adapters against the real libraries and the real engine, in process
 * (the integration tests run the same adapters woven by the agent): each call is allowed as the
 * agent's advice allows it ({@code tryModelCall} with its reservation), then its arguments or
 * result go through the adapter.
 */
class StreamAdaptersTest {
    private static final String MODEL = "gpt-4o-mini";
    private static final int RESERVE = 64;

    private FakeOpenAiServer server;
    private BudgetScope scope;
    private BudgetManager run;

    @BeforeEach
    void start() throws IOException {
        server = FakeOpenAiServer.start().replyText("word ".repeat(10).trim()).usage(11, 4);
        scope = BudgetContext.open(RunBudget.builder().maxTokens(1000).build(), "StreamAdaptersTest");
        run = scope.run();
    }

    @AfterEach
    void stop() {
        scope.close();
        server.close();
    }

    /** What the agent's advice does before an adapted call: check it (holding its max output tokens). */
    private PendingModelCall allowed() {
        assertEquals(null, run.tryModelCall("test#call", RESERVE));
        return new PendingModelCall(run, "test#call", MODEL, RESERVE, null);
    }

    /** Nothing is held any more: every call was recorded. */
    private void assertAllRecorded() {
        assertEquals(Math.max(0, 1000 - run.usage().tokens()), run.remaining().tokens().getAsLong());
    }

    // ---- LangChain4j

    private OpenAiStreamingChatModel langChain4j() {
        return OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName(MODEL)
                .maxTokens(RESERVE).build();
    }

    /** Calls doChat as LangChain4j's own chat(...) does, with the handler the adapter gives it. */
    private void doChat(OpenAiStreamingChatModel model, StreamingChatResponseHandler handler, PendingModelCall call) {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hi"))
                .parameters(model.defaultRequestParameters()).build();
        Object[] args = new LangChain4j.StreamingAdapter().arguments(new Object[]{request, handler}, call);
        assertTrue(call.isDeferred());
        model.doChat((ChatRequest) args[0], (StreamingChatResponseHandler) args[1]);
    }

    @Test
    void langChain4jCallerSeesTheStreamsUsageRecordedWhenItsAnswerEndsAndRunsInTheRun() throws Exception {
        CompletableFuture<Long> tokensSeen = new CompletableFuture<>();
        CompletableFuture<Optional<BudgetManager>> runSeen = new CompletableFuture<>();
        Thread caller = Thread.currentThread();

        doChat(langChain4j(), new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
                tokensSeen.complete(run.usage().tokens());
                runSeen.complete(Thread.currentThread() == caller ? Optional.empty() : BudgetContext.current());
            }

            @Override
            public void onError(Throwable error) {
                tokensSeen.completeExceptionally(error);
            }
        }, allowed());

        assertEquals(15, tokensSeen.get(10, TimeUnit.SECONDS));
        assertSame(run, runSeen.get(10, TimeUnit.SECONDS).orElseThrow(), "on the HTTP thread, inside the run");
        assertAllRecorded();
    }

    @Test
    void langChain4jStreamPastTheBudgetEndsInOneOnErrorWithTheRefusalAndNothingElse() throws Exception {
        server.replyText("word ".repeat(1200).trim()); // one token a word; the run has room for 1000
        List<String> partials = Collections.synchronizedList(new ArrayList<>());
        List<Object> ends = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Throwable> error = new CompletableFuture<>();

        doChat(langChain4j(), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                ends.add(response);
            }

            @Override
            public void onError(Throwable t) {
                ends.add(t);
                error.complete(t);
            }
        }, allowed());

        BudgetExhaustedException refusal = assertInstanceOf(BudgetExhaustedException.class, error.get(10, TimeUnit.SECONDS));
        assertEquals(Limit.TOKENS, refusal.limit());
        assertEquals(List.of(refusal), List.copyOf(ends));
        // Everything that fit was passed on; the piece that went over was not, but it was streamed and counts.
        assertEquals(1000, partials.stream().mapToLong(p -> Tokens.count(p, MODEL)).sum());
        assertEquals(1001, run.usage().tokens());
        assertAllRecorded();
    }

    // ---- Spring AI

    private Flux<?> springStream(ChatCompletionRequest request, PendingModelCall call) {
        OpenAiApi api = OpenAiApi.builder().baseUrl(server.baseUrl().replaceFirst("/v1/?$", "")).apiKey("k").build();
        Object flux = api.chatCompletionStream(request);
        Object counted = new SpringAi.StreamAdapter().result(flux, call);
        assertNotSame(flux, counted);
        assertTrue(call.isDeferred());
        return (Flux<?>) counted;
    }

    private static ChatCompletionRequest springRequest() {
        return new ChatCompletionRequest(List.of(new ChatCompletionMessage("hi", ChatCompletionMessage.Role.USER)),
                MODEL, 0.7, true);
    }

    @Test
    void springStreamWithoutUsageCountsItsText() {
        springStream(springRequest(), allowed()).collectList().block();

        // The text arrives as "word", then " word" nine times; the server reported no usage.
        assertEquals(Tokens.count("word", MODEL) + 9L * Tokens.count(" word", MODEL), run.usage().tokens());
        assertEquals(0, server.tokensReported());
        assertAllRecorded();
    }

    @Test
    void springStreamCancelledDownstreamIsRecordedWithWhatItStreamed() {
        List<?> firstTwo = springStream(springRequest(), allowed()).take(2).collectList().block();

        assertEquals(2, firstTwo.size());
        assertEquals(Tokens.count("word", MODEL), run.usage().tokens(), "the role chunk, then the first word");
        assertAllRecorded();
    }

    // ---- OpenAI SDK

    private OpenAIClient openAi() {
        return OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("k").maxRetries(0).build();
    }

    private static ChatCompletionCreateParams sdkParams() {
        return ChatCompletionCreateParams.builder().model(MODEL).addUserMessage("hi")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
    }

    @Test
    void sdkStreamClosedBeforeItsEndIsRecordedWithWhatWasRead() {
        PendingModelCall call = allowed();
        @SuppressWarnings("unchecked")
        StreamResponse<ChatCompletionChunk> stream = (StreamResponse<ChatCompletionChunk>) new OpenAiSdk.StreamingAdapter()
                .result(openAi().chat().completions().createStreaming(sdkParams()), call);

        try (stream) {
            assertEquals(2, stream.stream().limit(2).count());
        }

        assertEquals(Tokens.count("word", MODEL), run.usage().tokens(), "the role chunk, then the first word");
        assertAllRecorded();
    }

    @Test
    void sdkFutureFailsAsTheSdksOwnWouldAfterRecordingTheFailure() {
        // Nothing listens on the discard port: the request fails to connect.
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:9/v1").apiKey("k")
                .maxRetries(0).build();
        Throwable unwrapped = failure(client.async().chat().completions().create(sdkParams()));

        PendingModelCall call = allowed();
        Object recorded = new OpenAiSdk.AsyncAdapter().result(client.async().chat().completions().create(sdkParams()), call);
        @SuppressWarnings("unchecked")
        Throwable adapted = failure((CompletableFuture<ChatCompletion>) recorded);

        assertEquals(unwrapped.getClass(), adapted.getClass());
        assertEquals(0, run.usage().tokens());
        assertAllRecorded();
    }

    private static Throwable failure(CompletableFuture<ChatCompletion> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("the request should have failed");
    }
}
