package io.budget4j.it;

import io.budget4j.it.apps.OpenAiSdkApp;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI SDK integration against {@link OpenAiSdkApp}: chat completions blocking, streaming and
 * async, the Responses API; the SDK runs no tools, so the app's own tool method gets a YAML rule.
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
        return "async";
    }

    @Override
    String extraRules() {
        return "  - tool_call: " + OpenAiSdkApp.class.getName() + "#weatherTool\n";
    }

    @Override
    boolean cutsOffStreams() {
        return false;
    }

    @Override
    @Test
    @Disabled("OpenAI SDK: no rules/adapters yet for createStreaming (chat, responses): wrap StreamResponse (docs/integrations.md)")
    void streamedAnswersCountAsOneStepWithTheUsageTheStreamReports() {
    }

    @Override
    @Test
    @Disabled("OpenAI SDK: no rules/adapters yet for the async services: record on future completion (docs/integrations.md)")
    void asyncCallsCountOnceWithTheirUsage() {
    }
}
