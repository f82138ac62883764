package io.budget4j.it;

import io.budget4j.it.apps.LangChain4jApp;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The LangChain4j integration against {@link LangChain4jApp}: ChatModel, StreamingChatModel, AiServices tools. */
class LangChain4jIntegrationIT extends AgentIntegrationContract {
    @Override
    Class<?> app() {
        return LangChain4jApp.class;
    }

    @Override
    String blockingPaths() {
        return "chat:3,tools";
    }

    @Override
    String streamingPaths() {
        return "stream";
    }

    @Override
    @Test
    @Disabled("LangChain4j: no streaming adapter yet: StreamingChatModel#doChat's handler must be recorded when it ends and counted per chunk (docs/integrations.md)")
    void streamedAnswersCountAsOneStepWithTheUsageTheStreamReports() {
    }

    @Override
    @Test
    @Disabled("LangChain4j: no streaming adapter yet: cut off via PartialResponseContext.streamingHandle().cancel() (docs/integrations.md)")
    void aStreamRunningPastTheTokenBudgetIsCutOff() {
    }
}
