package io.budget4j.it;

import io.budget4j.it.apps.OpenAiSdkApp;
import io.budget4j.it.apps.Weather;
import io.budget4j.testing.FakeOpenAiServer;
import io.budget4j.testing.FakeOpenAiServer.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without any agent: the OpenAI SDK test app really talks to the fake server, one request per call. */
class OpenAiSdkHarnessTest {
    private static final String TEXT = "Hello from the fake model";
    private FakeOpenAiServer server;
    private OpenAiSdkApp app;

    @BeforeEach
    void start() throws IOException {
        server = FakeOpenAiServer.start().replyText(TEXT).usage(11, 4);
        app = new OpenAiSdkApp(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void blockingAndAsyncChatAreOneRequestEachWithModelAndMaxTokens() {
        List<String> replies = app.converse("chat:2,async");

        assertEquals(List.of(TEXT, TEXT, TEXT), replies);
        assertEquals(3, server.requestCount());
        for (RecordedRequest r : server.requests()) {
            assertEquals("/v1/chat/completions", r.path());
            assertEquals("gpt-4o-mini", r.model());
            assertEquals(64L, r.maxOutputTokens());
        }
        assertEquals(45, server.tokensReported());
    }

    @Test
    void streamingAsksForUsageAndGetsTheWholeText() {
        List<String> replies = app.converse("stream");

        assertEquals(List.of(TEXT), replies);
        assertTrue(server.requests().get(0).streaming());
        assertTrue(server.requests().get(0).includeUsage());
        assertEquals(15, server.tokensReported());
    }

    @Test
    void responsesApiBlockingAndStreaming() {
        List<String> replies = app.converse("responses,responses-stream");

        assertEquals(List.of(TEXT, TEXT), replies);
        assertEquals(List.of("/v1/responses", "/v1/responses"), server.requests().stream().map(RecordedRequest::path).toList());
        assertEquals(64L, server.requests().get(0).maxOutputTokens());
        assertTrue(server.requests().get(1).streaming());
        assertEquals(30, server.tokensReported());
    }

    @Test
    void applicationToolLoopRunsTheToolThenGetsTheAnswer() {
        server.callToolsFirst(2, "{\"city\":\"Paris\"}");
        int before = Weather.lookups();

        List<String> replies = app.converse("tools");

        assertEquals(List.of(TEXT), replies);
        assertEquals(3, server.requestCount());
        assertEquals(2, Weather.lookups() - before);
        assertEquals(List.of("Sunny and 21 degrees in Paris", "Sunny and 21 degrees in Paris"),
                server.requests().get(2).toolResults());
    }
}
