package io.budget4j.it;

import io.budget4j.it.apps.LangChain4jApp;
import io.budget4j.it.apps.OpenAiSdkApp;
import io.budget4j.it.apps.SpringAiApp;
import io.budget4j.testing.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Without the agent: each app, forked the way the agent tests fork it, talks to the fake server
 * and prints its report; budget4j records nothing, as nothing is instrumented.
 */
class ForkedAppHarnessIT {
    private FakeOpenAiServer server;

    @BeforeEach
    void start() throws IOException {
        server = FakeOpenAiServer.start().replyText("Forked hello").callToolsFirst(1, "{\"city\":\"Oslo\"}");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(classes = {LangChain4jApp.class, SpringAiApp.class, OpenAiSdkApp.class})
    void forkedAppTalksToTheServerAndReports(Class<?> app) throws Exception {
        ForkedApp.Output out = ForkedApp.withoutAgent(app, server.baseUrl(), "chat:2,stream,tools");

        assertEquals(0, out.exitCode(), out::toString);
        assertEquals("OK", out.one("RESULT"), out::toString);
        assertEquals(List.of("Forked hello", "Forked hello", "Forked hello", "Forked hello"), out.all("REPLY"), out::toString);
        assertEquals("1", out.one("TOOL_CALLS"));
        assertEquals(5, server.requestCount(), "2 chats, 1 stream, 2 requests around the tool call");
        assertEquals(List.of(), out.all("BUDGET_STEP"));
    }
}
