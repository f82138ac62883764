package io.budget4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConfigLocationTest {
    private static final Function<String, String> NONE = name -> null;

    private static Function<String, String> only(String name, String value) {
        return Map.of(name, value)::get;
    }

    private static final Function<String, String> PROPERTY = only("budget4j.config", "/from/property.yaml");
    private static final Function<String, String> ENVIRONMENT = only("BUDGET4J_CONFIG", "/from/env.yaml");

    @Test
    void theAgentArgumentWinsOverPropertyAndEnvironment() {
        assertEquals(Optional.of(Path.of("/from/args.yaml")),
                ConfigLocation.resolve("config=/from/args.yaml", PROPERTY, ENVIRONMENT));
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        assertEquals(Optional.of(Path.of("/from/property.yaml")), ConfigLocation.resolve(null, PROPERTY, ENVIRONMENT));
    }

    @Test
    void theEnvironmentIsTheLastResort() {
        assertEquals(Optional.of(Path.of("/from/env.yaml")), ConfigLocation.resolve(null, NONE, ENVIRONMENT));
    }

    @Test
    void nothingGivenMeansNoFile() {
        assertEquals(Optional.empty(), ConfigLocation.resolve(null, NONE, NONE));
        assertEquals(Optional.empty(), ConfigLocation.resolve("", NONE, NONE));
    }

    @Test
    void otherAgentArgumentsAreIgnored() {
        assertEquals(Optional.of(Path.of("conf/budgets.yaml")),
                ConfigLocation.resolve("debug=true, config = conf/budgets.yaml ,mode=attach", NONE, NONE));
        assertEquals(Optional.of(Path.of("/from/property.yaml")),
                ConfigLocation.resolve("debug=true,verbose", PROPERTY, NONE));
    }

    @Test
    void onlyTheExactKeyConfigCounts() {
        assertEquals(Optional.of(Path.of("/from/env.yaml")),
                ConfigLocation.resolve("configuration=/x.yaml,myconfig=/y.yaml", NONE, ENVIRONMENT));
    }

    @Test
    void blankValuesAreIgnoredAtEachLevel() {
        assertEquals(Optional.of(Path.of("/from/property.yaml")), ConfigLocation.resolve("config=  ", PROPERTY, NONE));
        assertEquals(Optional.of(Path.of("/from/env.yaml")),
                ConfigLocation.resolve("config=", only("budget4j.config", " "), ENVIRONMENT));
        assertEquals(Optional.empty(), ConfigLocation.resolve(null, NONE, only("BUDGET4J_CONFIG", "")));
    }

    @Test
    void aValueMayContainEqualsSigns() {
        assertEquals(Optional.of(Path.of("/etc/a=b/budgets.yaml")),
                ConfigLocation.resolve("config=/etc/a=b/budgets.yaml", NONE, NONE));
    }

    @Test
    void anInvalidPathNamesWhereItCameFrom() {
        BudgetConfigException e = assertThrows(BudgetConfigException.class,
                () -> ConfigLocation.resolve(null, only("budget4j.config", "bad\0path"), NONE));

        // The reason in parentheses comes from the platform's file system.
        assertTrue(e.getMessage().startsWith("system property budget4j.config: 'bad\0path' is not a valid file path ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("); give the path of the YAML file, e.g. config/budgets.yaml"),
                e.getMessage());
    }
}
