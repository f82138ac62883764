package io.budget4j.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the configuration file is: the agent argument {@code config=PATH} wins, else the system
 * property {@code budget4j.config}, else the environment variable {@code BUDGET4J_CONFIG}. A blank
 * value counts as not given.
 */
public final class ConfigLocation {
    public static final String AGENT_ARGUMENT = "config";
    public static final String SYSTEM_PROPERTY = "budget4j.config";
    public static final String ENVIRONMENT_VARIABLE = "BUDGET4J_CONFIG";

    private ConfigLocation() {
    }

    /** {@link #resolve(String, Function, Function)} against this JVM's system properties and environment. */
    public static Optional<Path> resolve(String agentArgs) {
        return resolve(agentArgs, System::getProperty, System::getenv);
    }

    /**
     * @param agentArgs      the agent's argument string: comma-separated {@code key=value} pairs
     *                       (other keys are ignored here); may be null
     * @param systemProperty looks up a system property (null when unset)
     * @param environment    looks up an environment variable (null when unset)
     * @return the configuration file, or empty when none is given
     * @throws BudgetConfigException when the given value is not a valid path
     */
    public static Optional<Path> resolve(String agentArgs, Function<String, String> systemProperty,
            Function<String, String> environment) {
        String fromArgs = agentArgument(agentArgs);
        if (fromArgs != null) {
            return Optional.of(path(fromArgs, "agent argument " + AGENT_ARGUMENT + "="));
        }
        String fromProperty = blankToNull(systemProperty.apply(SYSTEM_PROPERTY));
        if (fromProperty != null) {
            return Optional.of(path(fromProperty, "system property " + SYSTEM_PROPERTY));
        }
        String fromEnvironment = blankToNull(environment.apply(ENVIRONMENT_VARIABLE));
        if (fromEnvironment != null) {
            return Optional.of(path(fromEnvironment, "environment variable " + ENVIRONMENT_VARIABLE));
        }
        return Optional.empty();
    }

    /** The last non-blank {@code config=} value among the agent arguments, or null. */
    private static String agentArgument(String agentArgs) {
        if (agentArgs == null) {
            return null;
        }
        String found = null;
        for (String pair : agentArgs.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(AGENT_ARGUMENT)) {
                String value = blankToNull(pair.substring(eq + 1));
                if (value != null) {
                    found = value;
                }
            }
        }
        return found;
    }

    private static Path path(String value, String origin) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new BudgetConfigException(origin, 0, 0, "'" + value + "' is not a valid file path ("
                    + e.getReason() + "); give the path of the YAML file, e.g. config/budgets.yaml", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
