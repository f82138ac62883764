package io.budget4j.it;

import io.budget4j.it.apps.LangChain4jApp;
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

/** Without any agent: the LangChain4j test app really talks to the fake server, one request per model call. */
class LangChain4jHarnessTest {
    private FakeOpenAiServer server;
    private LangChain4jApp app;

    @BeforeEach
    void start() throws IOException {
        server = FakeOpenAiServer.start().replyText("Hello from the fake model").usage(11, 4);
        app = new LangChain4jApp(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachChatOverloadIsOneRequestWithModelAndMaxTokens() {
        List<String> replies = app.converse("chat:3");

        assertEquals(List.of("Hello from the fake model", "Hello from the fake model", "Hello from the fake model"), replies);
        assertEquals(3, server.requestCount());
        for (RecordedRequest r : server.requests()) {
            assertEquals("gpt-4o-mini", r.model());
            assertEquals(64L, r.maxOutputTokens());
        }
        assertEquals(45, server.tokensReported());
    }

    @Test
    void streamingAsksForUsageAndGetsTheWholeText() {
        List<String> replies = app.converse("stream");

        assertEquals(List.of("Hello from the fake model"), replies);
        RecordedRequest r = server.requests().get(0);
        assertTrue(r.streaming());
        assertTrue(r.includeUsage(), r.body());
        assertEquals(15, server.tokensReported());
    }

    @Test
    void assistantRunsTheToolThenAnswers() {
        server.callToolsFirst(1, "{\"city\":\"Paris\"}");
        int before = Weather.lookups();

        List<String> replies = app.converse("tools");

        assertEquals(List.of("Hello from the fake model"), replies);
        assertEquals(2, server.requestCount());
        assertEquals(1, Weather.lookups() - before);
        assertEquals(List.of("Sunny and 21 degrees in Paris"), server.requests().get(1).toolResults());
    }
}
