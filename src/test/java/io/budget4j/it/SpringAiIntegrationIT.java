package io.budget4j.it;

import io.budget4j.it.apps.SpringAiApp;

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
        return "stream,stream-tools";
    }
}
