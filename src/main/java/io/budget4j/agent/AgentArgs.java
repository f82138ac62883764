package io.budget4j.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The agent's argument string: comma-separated {@code key=value} pairs, e.g. {@code config=budgets.yaml}. */
final class AgentArgs {
    private final Map<String, String> values;

    private AgentArgs(Map<String, String> values) {
        this.values = values;
    }

    static AgentArgs parse(String args) {
        Map<String, String> values = new LinkedHashMap<>();
        if (args != null) {
            for (String part : args.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("budget4j agent argument '" + p
                            + "' is not key=value; expected e.g. -javaagent:budget4j-agent.jar=config=budgets.yaml");
                }
                values.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        return new AgentArgs(values);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }
}
