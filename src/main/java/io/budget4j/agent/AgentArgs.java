package io.budget4j.agent;

/**
 * The agent's argument string: comma-separated {@code key=value} pairs, e.g. {@code config=budgets.yaml}
 * (the config file itself is found by {@code ConfigLocation}). A malformed string is a
 * configuration error, reported at start-up.
 */
final class AgentArgs {
    private AgentArgs() {
    }

    static void validate(String args) {
        if (args == null) {
            return;
        }
        for (String part : args.split(",")) {
            String p = part.trim();
            if (!p.isEmpty() && p.indexOf('=') <= 0) {
                throw new IllegalArgumentException("budget4j agent argument '" + p
                        + "' is not key=value; expected e.g. -javaagent:budget4j-agent.jar=config=budgets.yaml");
            }
        }
    }
}
