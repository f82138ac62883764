package io.budget4j.config;

import io.budget4j.RunBudget;
import io.budget4j.config.InstrumentRule.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the {@code instrument:} list: each entry one kind, one method pattern, and that kind's options. */
final class RuleParser {
    static final List<String> KIND_KEYS = List.of("budgeted", "model_call", "tool_call");
    private static final Map<Kind, List<String>> OPTIONS = Map.of(
            Kind.BUDGETED, List.of("profile", "tenant_param"),
            Kind.MODEL_CALL, List.of("model"),
            Kind.TOOL_CALL, List.of("name"));
    private static final List<String> ALL_KEYS = List.of("budgeted", "model_call", "tool_call", "profile",
            "tenant_param", "model", "name");
    /** A JVM method has at most 255 parameter slots. */
    private static final int MAX_PARAMETER_INDEX = 254;

    private final NodeReader reader;
    private final Map<String, RunBudget> profiles;

    RuleParser(NodeReader reader, Map<String, RunBudget> profiles) {
        this.reader = reader;
        this.profiles = profiles;
    }

    List<InstrumentRule> parse(Node node) {
        List<Node> items = reader.sequence(node, "'instrument'", "'- budgeted: com.acme.Bot#handle'");
        List<InstrumentRule> rules = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            rules.add(rule(i + 1, items.get(i)));
        }
        return Collections.unmodifiableList(rules);
    }

    private InstrumentRule rule(int number, Node item) {
        String name = "instrument rule #" + number;
        YamlMap rule = reader.map(item, "in " + name, name, "{budgeted: com.acme.Bot#handle, profile: quick_answer}");
        rule.allowOnly(ALL_KEYS);
        List<String> kinds = KIND_KEYS.stream().filter(rule::has).toList();
        if (kinds.isEmpty()) {
            throw reader.error(item, name + " has no kind; start it with one of budgeted, model_call, tool_call, "
                    + "e.g. '- budgeted: com.acme.Bot#handle'");
        }
        if (kinds.size() > 1) {
            throw reader.error(rule.keyNode(kinds.get(1)), name + " has two kinds, '" + kinds.get(0) + "' and '"
                    + kinds.get(1) + "'; a rule takes exactly one of budgeted, model_call, tool_call: "
                    + "write one rule per kind");
        }
        Kind kind = Kind.valueOf(kinds.get(0).toUpperCase(Locale.ROOT));
        List<String> options = OPTIONS.get(kind);
        for (String key : rule.keys()) {
            if (!KIND_KEYS.contains(key) && !options.contains(key)) {
                throw reader.error(rule.keyNode(key), "'" + key + "' does not apply to a " + kind.yamlKey()
                        + " rule (" + name + "); a " + kind.yamlKey() + " rule takes: " + String.join(", ", options)
                        + "; '" + key + "' belongs to a " + kindTaking(key) + " rule");
            }
        }
        Node patternNode = rule.value(kind.yamlKey());
        MethodPattern pattern;
        try {
            pattern = MethodPattern.parse(reader.text(patternNode, kind.yamlKey() + " in " + name,
                    "com.acme.Bot#handle"));
        } catch (BudgetConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw reader.error(patternNode, e.getMessage());
        }
        return new InstrumentRule(kind, pattern, profile(rule, name), optionalText(rule, "model", name, "gpt-4o-mini"),
                optionalText(rule, "name", name, "search"), tenantParam(rule, name), reader.source(),
                NodeReader.line(item));
    }

    private Optional<String> profile(YamlMap rule, String name) {
        if (!rule.has("profile")) {
            return Optional.empty();
        }
        Node value = rule.value("profile");
        String profile = reader.text(value, "profile in " + name, ConfigParser.exampleProfile(profiles.keySet()));
        ConfigParser.requireProfile(reader, value, profile, "in " + name, profiles.keySet());
        return Optional.of(profile);
    }

    private Optional<String> optionalText(YamlMap rule, String key, String name, String example) {
        return rule.has(key) ? Optional.of(reader.text(rule.value(key), key + " in " + name, example))
                : Optional.empty();
    }

    private Optional<String> tenantParam(YamlMap rule, String name) {
        if (!rule.has("tenant_param")) {
            return Optional.empty();
        }
        Node value = rule.value("tenant_param");
        String what = "tenant_param in " + name;
        if (value.getTag().equals(Tag.INT)) {
            return Optional.of(String.valueOf(reader.wholeNumber(value, what, 0, MAX_PARAMETER_INDEX,
                    " (0 is the first parameter), or name the parameter, e.g. tenant_param: tenantId")));
        }
        String text = reader.text(value, what, "0");
        if (!isIdentifier(text)) {
            throw reader.error(value, what + " must be a parameter index (0 for the first) or a parameter name "
                    + "like tenantId, but was '" + text + "'");
        }
        return Optional.of(text);
    }

    // Not javax.lang.model.SourceVersion: the java.compiler module may be missing from the host's runtime.
    private static boolean isIdentifier(String text) {
        if (!Character.isJavaIdentifierStart(text.charAt(0))) {
            return false;
        }
        return text.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }

    private static String kindTaking(String option) {
        return OPTIONS.entrySet().stream().filter(e -> e.getValue().contains(option))
                .map(e -> e.getKey().yamlKey()).findFirst().orElse("different");
    }
}
