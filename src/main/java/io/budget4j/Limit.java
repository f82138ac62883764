package io.budget4j;

/** The limit that refused a call. */
public enum Limit {
    /** Model and tool calls per run ({@code max_steps}). */
    STEPS("max_steps", "maxSteps"),
    /** Tokens per run ({@code max_tokens}). */
    TOKENS("max_tokens", "maxTokens"),
    /** Wall time per run ({@code max_seconds}). */
    TIME("max_seconds", "maxSeconds"),
    /** Depth of a tool call inside other tool calls ({@code max_nested_tool_calls}). */
    NESTED_TOOL_CALLS("max_nested_tool_calls", "maxNestedToolCalls"),
    /** A tenant's token quota for its window. */
    QUOTA("daily_tokens", "dailyTokens"),
    /** The run had already closed when a late call (from a task it started) arrived. */
    RUN_CLOSED("", ""),
    /** A call outside any run, refused because the configuration says {@code outside_run: deny}. */
    OUTSIDE_RUN("outside_run", "");

    private final String yamlKey;
    private final String attribute;

    Limit(String yamlKey, String attribute) {
        this.yamlKey = yamlKey;
        this.attribute = attribute;
    }

    /** The key that sets this limit in a YAML profile. */
    public String yamlKey() {
        return yamlKey;
    }

    /** The {@link Budgeted} attribute that sets this limit, or empty if there is none. */
    public String attribute() {
        return attribute;
    }
}
