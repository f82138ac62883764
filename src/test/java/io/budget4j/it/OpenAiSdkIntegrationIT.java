package io.budget4j.it;

import io.budget4j.it.apps.OpenAiSdkApp;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAI SDK integration against {@link OpenAiSdkApp}: chat completions blocking, streaming,
 * async and async streaming, the Responses API; the SDK runs no tools, so the app's own tool
 * method gets a YAML rule.
 */
class OpenAiSdkIntegrationIT extends AgentIntegrationContract {
    @Override
    Class<?> app() {
        return OpenAiSdkApp.class;
    }

    @Override
    String blockingPaths() {
        return "chat:2,responses,tools";
    }

    @Override
    String streamingPaths() {
        return "stream,responses-stream";
    }

    @Override
    String asyncPaths() {
        return "async,responses-async,async-stream";
    }

    @Override
    String extraRules() {
        return "  - tool_call: " + OpenAiSdkApp.class.getName() + "#weatherTool\n";
    }

    /** The async client's stream is cut off too: its handler's onNext throws, which fails onCompleteFuture(). */
    @Test
    void anAsyncStreamRunningPastTheTokenBudgetIsCutOff() throws Exception {
        server.replyText("word ".repeat(400).trim()).usage(10, 400);

        ForkedApp.Output out = run("max_tokens: 150", "async-stream");

        assertTrue(out.threwBudgetExhausted(), out::toString);
        assertEquals(1, server.requestCount(), out::toString);
        assertEquals(0, out.all("REPLY").size(), out::toString);
        assertEquals("true", out.steps("model").get(0).get("failed"), out::toString);
    }
}
