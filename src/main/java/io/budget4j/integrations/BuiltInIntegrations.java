package io.budget4j.integrations;

import io.budget4j.config.BudgetConfig;
import io.budget4j.config.InstrumentRule;
import io.budget4j.config.MethodPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules budget4j ships for LangChain4j, Spring AI and the OpenAI Java SDK, each switchable
 * off in YAML ({@code integrations: {langchain4j: false}}). A rule whose library is not on the
 * class path matches nothing and costs nothing. See docs/integrations.md for why each hook point.
 */
public final class BuiltInIntegrations {
    private BuiltInIntegrations() {
    }

    /** The built-in rules of the integrations the configuration leaves on. */
    public static List<BuiltInRule> enabled(BudgetConfig config) {
        List<BuiltInRule> rules = new ArrayList<>();
        if (config.integrationEnabled("langchain4j")) {
            rules.addAll(LangChain4j.rules());
        }
        if (config.integrationEnabled("spring_ai")) {
            rules.addAll(SpringAi.rules());
        }
        if (config.integrationEnabled("openai")) {
            rules.addAll(OpenAiSdk.rules());
        }
        return rules;
    }

    static BuiltInRule modelCall(String integration, String pattern, ModelCallAdapter adapter) {
        return new BuiltInRule(rule(InstrumentRule.Kind.MODEL_CALL, integration, pattern, Optional.empty()), adapter);
    }

    static BuiltInRule toolCall(String integration, String pattern) {
        return new BuiltInRule(rule(InstrumentRule.Kind.TOOL_CALL, integration, pattern, Optional.empty()), null);
    }

    private static InstrumentRule rule(InstrumentRule.Kind kind, String integration, String pattern,
                                       Optional<String> name) {
        return new InstrumentRule(kind, MethodPattern.parse(pattern), Optional.empty(), Optional.empty(), name,
                Optional.empty(), "built-in " + integration + " integration", 0);
    }
}
