package io.budget4j.it;

import io.budget4j.it.apps.LangChain4jApp;
import org.junit.jupiter.api.Disabled;

/** The LangChain4j integration against {@link LangChain4jApp}: ChatModel, StreamingChatModel, AiServices tools. */
@Disabled("needs the built-in LangChain4j integration (streaming handler wrapper); see docs/integrations.md")
class LangChain4jIntegrationIT extends AgentIntegrationContract {
    @Override
    Class<?> app() {
        return LangChain4jApp.class;
    }

    @Override
    String everyPath() {
        return "chat:3,stream,tools";
    }
}
