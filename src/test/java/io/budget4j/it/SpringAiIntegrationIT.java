package io.budget4j.it;

import io.budget4j.it.apps.SpringAiApp;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The Spring AI integration against {@link SpringAiApp}: call, stream (usage at the end), tool callbacks. */
class SpringAiIntegrationIT extends AgentIntegrationContract {
    @Override
    Class<?> app() {
        return SpringAiApp.class;
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
    @Disabled("Spring AI: no rule/adapter yet for OpenAiApi#chatCompletionStream: wrap the returned Flux (docs/integrations.md)")
    void streamedAnswersCountAsOneStepWithTheUsageTheStreamReports() {
    }

    @Override
    @Test
    @Disabled("Spring AI: no rule/adapter yet for OpenAiApi#chatCompletionStream: throw from Flux#map to cut off (docs/integrations.md)")
    void aStreamRunningPastTheTokenBudgetIsCutOff() {
    }
}
