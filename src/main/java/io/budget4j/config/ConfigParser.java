package io.budget4j.config;

import io.budget4j.RunBudget;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the whole file: the top-level keys, profiles, defaults, outside_run and integrations. */
final class ConfigParser {
    static final List<String> TOP_LEVEL_KEYS = List.of("budgets", "defaults", "outside_run", "instrument",
            "integrations", "quotas");
    static final List<String> PROFILE_KEYS = List.of("max_steps", "max_tokens", "max_seconds",
            "max_nested_tool_calls");
    static final List<String> DEFAULTS_KEYS = List.of("profile");
    static final List<String> OUTSIDE_RUN_VALUES = List.of("allow", "deny");
    private static final String NO_LIMIT = ", or remove the key for no limit";

    private final NodeReader reader;

    private ConfigParser(String source) {
        this.reader = new NodeReader(source);
    }

    static BudgetConfig parse(String yaml, String source) {
        try {
            return new ConfigParser(source).parse(YamlTree.compose(yaml, source));
        } catch (BudgetConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            // Our bug, not the user's: still one exception type for callers, with the file named.
            throw new BudgetConfigException(source, 0, 0, "budget4j could not read this configuration (" + e
                    + "); this is a budget4j bug: please report it with the file", e);
        }
    }

    private BudgetConfig parse(Node root) {
        YamlMap top = reader.map(root, null, "the configuration",
                "budgets: {quick_answer: {max_steps: 5}}");
        top.allowOnly(TOP_LEVEL_KEYS);
        Map<String, RunBudget> profiles = profiles(top.value("budgets"));
        Optional<String> defaultProfile = defaultProfile(top.value("defaults"), profiles);
        OutsideRunPolicy outsideRun = NodeReader.isNull(top.value("outside_run")) ? OutsideRunPolicy.ALLOW
                : OutsideRunPolicy.valueOf(reader.choice(top.value("outside_run"), "outside_run", OUTSIDE_RUN_VALUES)
                        .toUpperCase(Locale.ROOT));
        List<InstrumentRule> rules = new RuleParser(reader, profiles).parse(top.value("instrument"));
        Map<String, Boolean> integrations = integrations(top.value("integrations"));
        Optional<QuotaSettings> quotas = NodeReader.isNull(top.value("quotas")) ? Optional.empty()
                : Optional.of(new QuotaParser(reader).parse(top.value("quotas")));
        return new BudgetConfig(reader.source(), profiles, defaultProfile, outsideRun, rules, integrations, quotas);
    }

    private Map<String, RunBudget> profiles(Node node) {
        YamlMap budgets = reader.map(node, "in 'budgets'", "'budgets'",
                "{quick_answer: {max_steps: 5, max_tokens: 2000}}");
        Map<String, RunBudget> profiles = new LinkedHashMap<>();
        for (String name : budgets.keys()) {
            profiles.put(name, profile(name, budgets.value(name)));
        }
        return profiles;
    }

    private RunBudget profile(String name, Node node) {
        if (node instanceof ScalarNode && !NodeReader.isNull(node) && PROFILE_KEYS.contains(name)) {
            // The usual cause: a limit written at the profiles' level instead of under its profile.
            throw reader.error(node, "'" + name + "' sits directly under 'budgets', where profile names go; "
                    + "indent it under a profile, e.g. budgets: {quick_answer: {" + name + ": "
                    + ((ScalarNode) node).getValue() + "}}");
        }
        YamlMap limits = reader.map(node, "in profile '" + name + "'", "profile '" + name + "'",
                "{max_steps: 5, max_tokens: 2000, max_seconds: 10}");
        limits.allowOnly(PROFILE_KEYS);
        RunBudget.Builder budget = RunBudget.builder().profile(name);
        String where = " in profile '" + name + "'";
        if (limits.has("max_steps")) {
            budget.maxSteps((int) reader.wholeNumber(limits.value("max_steps"), "max_steps" + where, 1,
                    Integer.MAX_VALUE, NO_LIMIT));
        }
        if (limits.has("max_tokens")) {
            budget.maxTokens(reader.wholeNumber(limits.value("max_tokens"), "max_tokens" + where, 1, Long.MAX_VALUE,
                    NO_LIMIT));
        }
        if (limits.has("max_seconds")) {
            budget.maxSeconds(reader.positiveNumber(limits.value("max_seconds"), "max_seconds" + where,
                    Double.MAX_VALUE, "; write e.g. 10 or 2.5" + NO_LIMIT));
        }
        if (limits.has("max_nested_tool_calls")) {
            budget.maxNestedToolCalls((int) reader.wholeNumber(limits.value("max_nested_tool_calls"),
                    "max_nested_tool_calls" + where, 1, Integer.MAX_VALUE, NO_LIMIT));
        }
        return budget.build();
    }

    private Optional<String> defaultProfile(Node node, Map<String, RunBudget> profiles) {
        YamlMap defaults = reader.map(node, "in 'defaults'", "'defaults'", "{profile: quick_answer}");
        defaults.allowOnly(DEFAULTS_KEYS);
        if (!defaults.has("profile")) {
            return Optional.empty();
        }
        Node value = defaults.value("profile");
        String name = reader.text(value, "profile in 'defaults'", exampleProfile(profiles.keySet()));
        requireProfile(reader, value, name, "in 'defaults'", profiles.keySet());
        return Optional.of(name);
    }

    private Map<String, Boolean> integrations(Node node) {
        YamlMap section = reader.map(node, "in 'integrations'", "'integrations'",
                "{langchain4j: true, spring_ai: false}");
        section.allowOnly(BudgetConfig.INTEGRATIONS);
        Map<String, Boolean> enabled = new LinkedHashMap<>();
        for (String name : section.keys()) {
            enabled.put(name, reader.bool(section.value(name), name + " in 'integrations'"));
        }
        return enabled;
    }

    /** Refuses a profile name that is not under {@code budgets:}, listing the ones that are. */
    static void requireProfile(NodeReader reader, Node at, String name, String where, Collection<String> known) {
        if (known.contains(name)) {
            return;
        }
        String advice = known.isEmpty()
                ? "; no profiles are defined: add it under 'budgets:', e.g. budgets: {" + name + ": {max_steps: 5}}"
                : Suggestions.advice(name, known, "profiles");
        throw reader.error(at, "unknown profile '" + name + "' " + where + advice);
    }

    static String exampleProfile(Collection<String> known) {
        return known.isEmpty() ? "quick_answer" : known.iterator().next();
    }
}
