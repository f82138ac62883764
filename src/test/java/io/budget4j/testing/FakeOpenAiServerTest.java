package io.budget4j.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire format as a raw HTTP client sees it; the library harness tests cover real clients. */
class FakeOpenAiServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeOpenAiServer server;

    @BeforeEach
    void start() throws IOException {
        server = FakeOpenAiServer.start().replyText("one two three").usage(7, 3);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void chatCompletionReportsUsageAndIsRecorded() throws Exception {
        Map<?, ?> reply = (Map<?, ?>) MiniJson.parse(post("/chat/completions",
                "{\"model\":\"m1\",\"max_tokens\":42,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        Map<?, ?> message = (Map<?, ?>) ((Map<?, ?>) ((List<?>) reply.get("choices")).get(0)).get("message");
        assertEquals("one two three", message.get("content"));
        assertEquals(10L, ((Map<?, ?>) reply.get("usage")).get("total_tokens"));
        assertEquals("m1", reply.get("model"));
        assertEquals(1, server.requestCount());
        assertEquals(42L, server.requests().get(0).maxOutputTokens());
        assertEquals(10, server.tokensReported());
    }

    @Test
    void streamEndsWithUsageChunkThenDoneWhenAsked() throws Exception {
        List<String> events = dataLines(post("/chat/completions",
                "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}"));

        assertEquals("[DONE]", events.get(events.size() - 1));
        Map<?, ?> usageChunk = (Map<?, ?>) MiniJson.parse(events.get(events.size() - 2));
        assertEquals(List.of(), usageChunk.get("choices"));
        assertEquals(10L, ((Map<?, ?>) usageChunk.get("usage")).get("total_tokens"));
        StringBuilder text = new StringBuilder();
        for (String e : events.subList(0, events.size() - 2)) {
            Map<?, ?> delta = (Map<?, ?>) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) MiniJson.parse(e)).get("choices")).get(0)).get("delta");
            text.append(delta.get("content") == null ? "" : delta.get("content"));
        }
        assertEquals("one two three", text.toString());
        assertEquals(10, server.tokensReported());
    }

    @Test
    void streamWithoutUsageOptionReportsNoUsage() throws Exception {
        List<String> events = dataLines(post("/chat/completions", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}"));

        assertEquals("[DONE]", events.get(events.size() - 1));
        assertTrue(events.stream().noneMatch(e -> e.contains("\"usage\"")));
        assertEquals(0, server.tokensReported());
    }

    @Test
    void asksForTheFirstToolUntilTheConversationHoldsItsResult() throws Exception {
        server.callToolsFirst(1, "{\"city\":\"Paris\"}");
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\",\"parameters\":{}}}]";

        Map<?, ?> first = (Map<?, ?>) MiniJson.parse(post("/chat/completions",
                "{\"model\":\"m\"," + tools + ",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}]}"));
        Map<?, ?> second = (Map<?, ?>) MiniJson.parse(post("/chat/completions", "{\"model\":\"m\"," + tools
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"},{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sunny\"}]}"));

        Map<?, ?> firstChoice = (Map<?, ?>) ((List<?>) first.get("choices")).get(0);
        assertEquals("tool_calls", firstChoice.get("finish_reason"));
        Map<?, ?> call = (Map<?, ?>) ((List<?>) ((Map<?, ?>) firstChoice.get("message")).get("tool_calls")).get(0);
        assertEquals("weather", ((Map<?, ?>) call.get("function")).get("name"));
        assertEquals("{\"city\":\"Paris\"}", ((Map<?, ?>) call.get("function")).get("arguments"));
        Map<?, ?> secondChoice = (Map<?, ?>) ((List<?>) second.get("choices")).get(0);
        assertEquals("stop", secondChoice.get("finish_reason"));
        assertEquals(20, server.tokensReported());
    }

    @Test
    void responsesApiReportsUsage() throws Exception {
        Map<?, ?> reply = (Map<?, ?>) MiniJson.parse(post("/responses",
                "{\"model\":\"m\",\"input\":\"hi\",\"max_output_tokens\":30}"));

        assertEquals("completed", reply.get("status"));
        assertEquals(10L, ((Map<?, ?>) reply.get("usage")).get("total_tokens"));
        assertEquals(30L, reply.get("max_output_tokens"));
        assertEquals(1, server.requestCount());
    }

    @Test
    void unknownRouteIsA404AndNotAModelRequest() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, r.statusCode());
        assertEquals(0, server.requestCount());
        assertNull(server.requests().stream().findFirst().orElse(null));
    }

    private String post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static List<String> dataLines(String sse) {
        return sse.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
    }
}
