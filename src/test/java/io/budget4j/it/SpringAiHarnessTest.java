package io.budget4j.it;

import io.budget4j.it.apps.SpringAiApp;
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

/** Without any agent: the Spring AI test app (no Spring Boot) really talks to the fake server, one request per model call. */
class SpringAiHarnessTest {
    private FakeOpenAiServer server;
    private SpringAiApp app;

    @BeforeEach
    void start() throws IOException {
        server = FakeOpenAiServer.start().replyText("Hello from the fake model").usage(11, 4);
        app = new SpringAiApp(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void callAndItsStringOverloadAreOneRequestEachWithModelAndMaxTokens() {
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
    void streamingWithStreamUsageAsksForUsageAndGetsTheWholeText() {
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
        // Spring AI sends a String result JSON-encoded.
        assertEquals(List.of("\"Sunny and 21 degrees in Paris\""), server.requests().get(1).toolResults());
    }
}
