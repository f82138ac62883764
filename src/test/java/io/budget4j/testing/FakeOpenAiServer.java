package io.budget4j.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server speaking OpenAI's wire format, so tests drive the real client libraries
 * (LangChain4j, Spring AI, the OpenAI SDK) end to end without a network:
 * {@code POST /v1/chat/completions} (JSON, or SSE chunks when {@code "stream": true}, with a
 * closing usage chunk when {@code stream_options.include_usage} is set) and
 * {@code POST /v1/responses} (the Responses API, JSON or SSE events).
 *
 * <p>Every answer reports the configured usage; the server keeps the sum of what it reported
 * ({@link #tokensReported()}) and every request it received ({@link #requests()}), so a test can
 * compare a budget's accounting with what the "provider" actually saw and billed.
 *
 * <p>Tool calls: with {@link #callToolsFirst(int, String)}, a request that offers tools is answered
 * with a call of its first tool until the conversation holds that many tool results; then the
 * model answers in text. {@code Integer.MAX_VALUE} rounds gives an agent that never stops calling
 * tools, the loop budgets exist for.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** Token usage the server reports for one answer. */
    public record Usage(int promptTokens, int completionTokens) {
        public int totalTokens() {
            return promptTokens + completionTokens;
        }
    }

    /** One model request as received. */
    public record RecordedRequest(int index, String path, String body, Map<String, Object> json) {
        public boolean streaming() {
            return Boolean.TRUE.equals(json.get("stream"));
        }

        public String model() {
            return (String) json.get("model");
        }

        /** {@code max_completion_tokens}, else {@code max_tokens}, else {@code max_output_tokens}; null if none. */
        public Long maxOutputTokens() {
            for (String key : List.of("max_completion_tokens", "max_tokens", "max_output_tokens")) {
                if (json.get(key) instanceof Long n) {
                    return n;
                }
            }
            return null;
        }

        /** Whether a streamed answer should end with a usage chunk ({@code stream_options.include_usage}). */
        public boolean includeUsage() {
            return json.get("stream_options") instanceof Map<?, ?> options && Boolean.TRUE.equals(options.get("include_usage"));
        }

        /** The tool results the conversation sends back: {@code tool} messages, or {@code function_call_output} items. */
        public List<String> toolResults() {
            List<String> results = new ArrayList<>();
            for (String key : List.of("messages", "input")) {
                if (json.get(key) instanceof List<?> items) {
                    for (Object item : items) {
                        if (item instanceof Map<?, ?> m && "tool".equals(m.get("role"))) {
                            results.add(String.valueOf(m.get("content")));
                        } else if (item instanceof Map<?, ?> m && "function_call_output".equals(m.get("type"))) {
                            results.add(String.valueOf(m.get("output")));
                        }
                    }
                }
            }
            return results;
        }

        public boolean offersTools() {
            return json.get("tools") instanceof List<?> tools && !tools.isEmpty();
        }
    }

    private static final long CREATED = 1_700_000_000L;

    private final HttpServer http;
    private final ExecutorService pool;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final AtomicLong tokensReported = new AtomicLong();

    private volatile String replyText = "The fake model answers briefly.";
    private volatile Usage usage = new Usage(12, 8);
    private volatile int toolRounds;
    private volatile String toolArguments = "{}";

    private FakeOpenAiServer(HttpServer http, ExecutorService pool) {
        this.http = http;
        this.pool = pool;
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static FakeOpenAiServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-openai");
            t.setDaemon(true);
            return t;
        });
        FakeOpenAiServer server = new FakeOpenAiServer(http, pool);
        http.createContext("/", server::handle);
        http.setExecutor(pool);
        http.start();
        return server;
    }

    /** The base URL the clients take, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
    }

    /** The text of every text answer (streamed word by word). */
    public FakeOpenAiServer replyText(String text) {
        this.replyText = text;
        return this;
    }

    /** The usage every answer reports. */
    public FakeOpenAiServer usage(int promptTokens, int completionTokens) {
        this.usage = new Usage(promptTokens, completionTokens);
        return this;
    }

    public Usage usage() {
        return usage;
    }

    /** Answers requests that offer tools with a call of the first tool, {@code rounds} times per conversation. */
    public FakeOpenAiServer callToolsFirst(int rounds, String argumentsJson) {
        MiniJson.parse(argumentsJson);
        this.toolArguments = argumentsJson;
        this.toolRounds = rounds;
        return this;
    }

    /** Model requests received so far (both endpoints). */
    public int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Sum of the total tokens of every usage the server sent (streams count only if they carried usage). */
    public long tokensReported() {
        return tokensReported.get();
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean post = "POST".equals(exchange.getRequestMethod());
            if (post && path.endsWith("/chat/completions")) {
                chatCompletions(exchange, record(exchange, path));
            } else if (post && path.endsWith("/responses")) {
                responses(exchange, record(exchange, path));
            } else {
                send(exchange, 404, "{\"error\":{\"message\":\"no route " + exchange.getRequestMethod() + " "
                        + path + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
            }
        } catch (RuntimeException e) {
            // A body we cannot read is the test's news, not a hang: answer 400 and keep serving.
            send(exchange, 400, "{\"error\":{\"message\":" + MiniJson.quote(String.valueOf(e.getMessage()))
                    + ",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
        }
    }

    @SuppressWarnings("unchecked")
    private RecordedRequest record(HttpExchange exchange, String path) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(body);
        synchronized (requests) {
            RecordedRequest r = new RecordedRequest(requests.size() + 1, path, body, json);
            requests.add(r);
            return r;
        }
    }

    // ---- chat completions ----

    private void chatCompletions(HttpExchange exchange, RecordedRequest request) throws IOException {
        String tool = toolToCall(request, "messages", "role", "tool", true);
        String model = request.model() == null ? "fake-model" : request.model();
        String id = "chatcmpl-" + request.index();
        Usage u = usage;
        if (!request.streaming()) {
            String message = tool != null
                    ? "{\"role\":\"assistant\",\"content\":null,\"refusal\":null,\"tool_calls\":[" + toolCall(request, tool) + "]}"
                    : "{\"role\":\"assistant\",\"content\":" + MiniJson.quote(replyText) + ",\"refusal\":null}";
            tokensReported.addAndGet(u.totalTokens());
            send(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"created\":" + CREATED
                    + ",\"model\":" + MiniJson.quote(model) + ",\"choices\":[{\"index\":0,\"message\":" + message
                    + ",\"logprobs\":null,\"finish_reason\":\"" + (tool != null ? "tool_calls" : "stop") + "\"}],"
                    + "\"usage\":" + chatUsage(u) + "}");
            return;
        }
        boolean includeUsage = request.includeUsage();
        String head = "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED
                + ",\"model\":" + MiniJson.quote(model) + ",\"choices\":";
        String tail = includeUsage ? ",\"usage\":null}" : "}";
        try (SseWriter sse = new SseWriter(exchange)) {
            if (tool != null) {
                sse.data(head + choice("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_"
                        + request.index() + "\",\"type\":\"function\",\"function\":{\"name\":" + MiniJson.quote(tool)
                        + ",\"arguments\":\"\"}}]}", null) + tail);
                sse.data(head + choice("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                        + MiniJson.quote(toolArguments) + "}}]}", null) + tail);
                sse.data(head + choice("{}", "tool_calls") + tail);
            } else {
                sse.data(head + choice("{\"role\":\"assistant\",\"content\":\"\"}", null) + tail);
                for (String piece : pieces(replyText)) {
                    sse.data(head + choice("{\"content\":" + MiniJson.quote(piece) + "}", null) + tail);
                }
                sse.data(head + choice("{}", "stop") + tail);
            }
            if (includeUsage) {
                tokensReported.addAndGet(u.totalTokens());
                sse.data(head + "[],\"usage\":" + chatUsage(u) + "}");
            }
            sse.data("[DONE]");
        }
    }

    private static String choice(String delta, String finishReason) {
        return "[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]";
    }

    private String toolCall(RecordedRequest request, String tool) {
        return "{\"id\":\"call_" + request.index() + "\",\"type\":\"function\",\"function\":{\"name\":"
                + MiniJson.quote(tool) + ",\"arguments\":" + MiniJson.quote(toolArguments) + "}}";
    }

    private static String chatUsage(Usage u) {
        return "{\"prompt_tokens\":" + u.promptTokens() + ",\"completion_tokens\":" + u.completionTokens()
                + ",\"total_tokens\":" + u.totalTokens() + "}";
    }

    // ---- Responses API ----

    private void responses(HttpExchange exchange, RecordedRequest request) throws IOException {
        String tool = toolToCall(request, "input", "type", "function_call_output", false);
        String model = request.model() == null ? "fake-model" : request.model();
        Usage u = usage;
        String itemId = (tool != null ? "fc_" : "msg_") + request.index();
        String item = tool != null
                ? "{\"type\":\"function_call\",\"id\":\"" + itemId + "\",\"call_id\":\"call_" + request.index()
                        + "\",\"name\":" + MiniJson.quote(tool) + ",\"arguments\":" + MiniJson.quote(toolArguments)
                        + ",\"status\":\"completed\"}"
                : "{\"type\":\"message\",\"id\":\"" + itemId + "\",\"status\":\"completed\",\"role\":\"assistant\","
                        + "\"content\":[{\"type\":\"output_text\",\"text\":" + MiniJson.quote(replyText) + ",\"annotations\":[]}]}";
        if (!request.streaming()) {
            tokensReported.addAndGet(u.totalTokens());
            send(exchange, 200, response(request, model, "completed", "[" + item + "]", responsesUsage(u)));
            return;
        }
        try (SseWriter sse = new SseWriter(exchange)) {
            int seq = 0;
            sse.event("response.created", "{\"type\":\"response.created\",\"sequence_number\":" + seq++
                    + ",\"response\":" + response(request, model, "in_progress", "[]", "null") + "}");
            if (tool == null) {
                for (String piece : pieces(replyText)) {
                    sse.event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":"
                            + seq++ + ",\"item_id\":\"" + itemId + "\",\"output_index\":0,\"content_index\":0,\"delta\":"
                            + MiniJson.quote(piece) + ",\"logprobs\":[]}");
                }
            }
            tokensReported.addAndGet(u.totalTokens());
            sse.event("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":" + seq
                    + ",\"response\":" + response(request, model, "completed", "[" + item + "]", responsesUsage(u)) + "}");
        }
    }

    private static String response(RecordedRequest request, String model, String status, String output, String usage) {
        Long max = request.maxOutputTokens();
        return "{\"id\":\"resp_" + request.index() + "\",\"object\":\"response\",\"created_at\":" + CREATED
                + ",\"status\":\"" + status + "\",\"error\":null,\"incomplete_details\":null,\"instructions\":null,"
                + "\"max_output_tokens\":" + (max == null ? "null" : max) + ",\"model\":" + MiniJson.quote(model)
                + ",\"output\":" + output + ",\"parallel_tool_calls\":true,\"previous_response_id\":null,"
                + "\"temperature\":1.0,\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,\"metadata\":{},"
                + "\"usage\":" + usage + "}";
    }

    private static String responsesUsage(Usage u) {
        return "{\"input_tokens\":" + u.promptTokens() + ",\"input_tokens_details\":{\"cached_tokens\":0},"
                + "\"output_tokens\":" + u.completionTokens() + ",\"output_tokens_details\":{\"reasoning_tokens\":0},"
                + "\"total_tokens\":" + u.totalTokens() + "}";
    }

    // ---- shared ----

    /**
     * The tool to call now, or null to answer in text: only when tool rounds are configured, the
     * request offers tools, and the conversation ({@code listKey}) holds fewer tool results (items
     * whose {@code markerKey} is {@code markerValue}) than the configured rounds.
     */
    private String toolToCall(RecordedRequest request, String listKey, String markerKey, String markerValue,
                              boolean chatFormat) {
        if (toolRounds <= 0 || !request.offersTools()) {
            return null;
        }
        long results = 0;
        if (request.json().get(listKey) instanceof List<?> items) {
            results = items.stream()
                    .filter(i -> i instanceof Map<?, ?> m && markerValue.equals(m.get(markerKey)))
                    .count();
        }
        if (results >= toolRounds) {
            return null;
        }
        Map<?, ?> first = (Map<?, ?>) ((List<?>) request.json().get("tools")).get(0);
        Object name = chatFormat ? ((Map<?, ?>) first.get("function")).get("name") : first.get("name");
        return (String) name;
    }

    /** The reply cut in word-sized pieces, spaces kept, so streamed text joins back to the original. */
    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                out.add(text.substring(start, i));
                start = i;
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Server-sent events, flushed one by one so clients see a real stream. */
    private static final class SseWriter implements AutoCloseable {
        private final OutputStream out;

        SseWriter(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            this.out = exchange.getResponseBody();
        }

        void data(String data) throws IOException {
            write("data: " + data + "\n\n");
        }

        void event(String name, String data) throws IOException {
            write("event: " + name + "\ndata: " + data + "\n\n");
        }

        private void write(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
