package io.budget4j.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry under {@code instrument:}: a budget on existing code, named by a method pattern
 * instead of an annotation.
 *
 * @param kind        what the matched methods become
 * @param pattern     which methods
 * @param profile     the profile of a {@link Kind#BUDGETED} rule; empty for the defaults
 * @param model       the model of a {@link Kind#MODEL_CALL} rule (chooses the tokenizer)
 * @param toolName    the tool name of a {@link Kind#TOOL_CALL} rule
 * @param tenantParam the parameter of a {@link Kind#BUDGETED} method that holds the tenant id,
 *                    as written: an index ("0") or a parameter name ("tenantId")
 * @param source      the configuration file
 * @param line        1-based line of the rule in {@code source}
 */
public record InstrumentRule(Kind kind, MethodPattern pattern, Optional<String> profile, Optional<String> model,
        Optional<String> toolName, Optional<String> tenantParam, String source, int line) {

    /** What a rule makes of the methods it matches. */
    public enum Kind {
        /** Entering the method opens a run, like {@code @Budgeted}. */
        BUDGETED,
        /** The method is a model call, like {@code @ModelCall}. */
        MODEL_CALL,
        /** The method is a tool call, like {@code @ToolCall}. */
        TOOL_CALL;

        /** The rule's key in YAML: {@code budgeted}, {@code model_call}, {@code tool_call}. */
        public String yamlKey() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public InstrumentRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(tenantParam, "tenantParam");
        Objects.requireNonNull(source, "source");
    }

    /** Where the rule is and what it says, for logs: {@code budgets.yaml:12: budgeted com.acme.Bot#handle}. */
    public String describe() {
        return source + ":" + line + ": " + kind.yamlKey() + " " + pattern.text();
    }
}
