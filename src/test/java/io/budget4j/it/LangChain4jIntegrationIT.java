package io.budget4j.it;

import io.budget4j.it.apps.LangChain4jApp;

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
        return "stream,stream-tools";
    }
}
