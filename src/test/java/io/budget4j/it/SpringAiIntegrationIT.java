package io.budget4j.it;

import io.budget4j.it.apps.SpringAiApp;
import org.junit.jupiter.api.Disabled;

/** The Spring AI integration against {@link SpringAiApp}: call, stream (usage at the end), tool callbacks. */
@Disabled("needs the built-in Spring AI integration (usage from ResponseEntity, Flux wrapper); see docs/integrations.md")
class SpringAiIntegrationIT extends AgentIntegrationContract {
    @Override
    Class<?> app() {
        return SpringAiApp.class;
    }

    @Override
    String everyPath() {
        return "chat:3,stream,tools";
    }
}
