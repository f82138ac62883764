package io.budget4j.it;

import io.budget4j.testing.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a built-in integration promises, pinned against an unmodified app of the library, run in
 * its own JVM with the packaged agent and a YAML file as the only budget4j configuration:
 * the engine's steps equal the requests the server saw, its tokens equal the usage the server
 * reported, and the request that would go over the budget never reaches the server: the app gets
 * {@code BudgetExhaustedException} instead. One subclass per library.
 */
abstract class AgentIntegrationContract {
    /** Usage the server reports per answer: 20 tokens. */
    private static final int PROMPT_TOKENS = 12;
    private static final int COMPLETION_TOKENS = 8;

    @TempDir
    Path dir;
    FakeOpenAiServer server;

    /** The app under test; its {@code converse(String)} is the run, by a {@code budgeted} rule. */
    abstract Class<?> app();

    /** A script through the library's blocking paths: requests made and answered on the caller's thread, and tools. */
    abstract String blockingPaths();

    /** A script through the library's streaming paths. */
    abstract String streamingPaths();

    /** A script through the library's async paths (futures), or empty if it has none. */
    String asyncPaths() {
        return "";
    }

    /** YAML rules besides the run's entry point, indented as items of {@code instrument:}. */
    String extraRules() {
        return "";
    }

    /** Whether the integration cuts off a stream that runs past the token budget. */
    boolean cutsOffStreams() {
        return true;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = FakeOpenAiServer.start()
                .replyText("Fine, thanks")
                .usage(PROMPT_TOKENS, COMPLETION_TOKENS)
                .callToolsFirst(1, "{\"city\":\"Paris\"}");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void stepsAndTokensEqualWhatTheServerSawAndReported() throws Exception {
        ForkedApp.Output out = accountedFor(blockingPaths());

        assertTrue(Integer.parseInt(out.one("TOOL_CALLS")) > 0, "the script runs a tool");
    }

    @Test
    void streamedAnswersCountAsOneStepWithTheUsageTheStreamReports() throws Exception {
        accountedFor(streamingPaths());

        assertTrue(server.requests().stream().allMatch(FakeOpenAiServer.RecordedRequest::streaming), "all were streams");
    }

    @Test
    void asyncCallsCountOnceWithTheirUsage() throws Exception {
        assumeTrue(!asyncPaths().isEmpty(), "this library has no async calls");

        accountedFor(asyncPaths());
    }

    /** Runs {@code script} under a generous budget and checks the accounting against the server. */
    private ForkedApp.Output accountedFor(String script) throws IOException, InterruptedException {
        ForkedApp.Output out = run("max_steps: 100, max_tokens: 100000", script);

        assertEquals("OK", out.one("RESULT"), out::toString);
        int toolCalls = Integer.parseInt(out.one("TOOL_CALLS"));
        assertTrue(server.requestCount() > 0, out::toString);
        assertEquals(server.requestCount(), out.steps("model").size(), out::toString);
        assertEquals(toolCalls, out.steps("tool").size(), out::toString);
        assertEquals(server.requestCount() + toolCalls, out.run("steps"), out::toString);
        assertEquals(server.tokensReported(), out.run("tokens"), out::toString);
        for (Map<String, String> step : out.steps("model")) {
            assertEquals("gpt-4o-mini", step.get("model"), out::toString);
        }
        return out;
    }

    @Test
    void theRequestOverTheStepLimitNeverReachesTheServer() throws Exception {
        ForkedApp.Output out = run("max_steps: 2", "chat:5");

        assertTrue(out.threwBudgetExhausted(), out::toString);
        assertEquals(2, server.requestCount(), out::toString);
        assertEquals(2, out.all("REPLY").size(), out::toString);
        assertEquals("STEPS", out.records("BUDGET_REFUSED").get(0).get("limit"), out::toString);
        assertEquals(server.tokensReported(), out.run("tokens"), out::toString);
    }

    @Test
    void theRequestOverTheTokenLimitNeverReachesTheServer() throws Exception {
        // 20 tokens per answer: 20 chats cannot fit in 200 tokens, whether or not max_tokens is reserved.
        ForkedApp.Output out = run("max_tokens: 200", "chat:20");

        assertTrue(out.threwBudgetExhausted(), out::toString);
        assertEquals("TOKENS", out.records("BUDGET_REFUSED").get(0).get("limit"), out::toString);
        assertTrue(server.requestCount() > 0 && server.requestCount() < 20, out::toString);
        assertEquals(server.requestCount(), out.steps("model").size(), out::toString);
        assertEquals(server.tokensReported(), out.run("tokens"), out::toString);
    }

    @Test
    void aToolLoopThatNeverEndsIsStoppedAtTheStepLimit() throws Exception {
        server.callToolsFirst(Integer.MAX_VALUE, "{\"city\":\"Paris\"}");

        ForkedApp.Output out = run("max_steps: 5", "tools");

        assertTrue(out.threwBudgetExhausted(), out::toString);
        assertEquals(5, out.run("steps"), out::toString);
        assertEquals(server.requestCount(), out.steps("model").size(), out::toString);
        assertEquals(Integer.parseInt(out.one("TOOL_CALLS")), out.steps("tool").size(), out::toString);
    }

    @Test
    void aStreamRunningPastTheTokenBudgetIsCutOff() throws Exception {
        assumeTrue(cutsOffStreams(), "this integration does not cut off streams");
        server.replyText("word ".repeat(400).trim()).usage(10, 400);

        // Room for the request and its max_tokens (64) reservation, not for a 400-token answer.
        ForkedApp.Output out = run("max_tokens: 150", "stream");

        assertTrue(out.threwBudgetExhausted(), out::toString);
        assertEquals(1, server.requestCount(), out::toString);
        assertEquals(0, out.all("REPLY").size(), out::toString);
    }

    ForkedApp.Output run(String limits, String script) throws IOException, InterruptedException {
        Path yaml = dir.resolve("budget4j.yaml");
        Files.writeString(yaml, """
                budgets:
                  it_run: {%s}
                instrument:
                  - budgeted: %s#converse
                    profile: it_run
                %s""".formatted(limits, app().getName(), extraRules()));
        return ForkedApp.withAgent(app(), yaml, server.baseUrl(), script);
    }
}
