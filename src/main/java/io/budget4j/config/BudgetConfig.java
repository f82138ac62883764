package io.budget4j.config;

import io.budget4j.RunBudget;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The YAML configuration: budget profiles (the seed's format), the {@code defaults} profile, the
 * outside-run policy, instrumentation rules, integrations and tenant quotas. Immutable.
 *
 * <pre>{@code
 * BudgetConfig config = BudgetConfig.load(Path.of("budgets.yaml"));
 * RunBudget quick = config.profile("quick_answer").orElseThrow();
 * }</pre>
 *
 * Every section is optional; an empty file is a valid configuration. A section written with no
 * value ({@code quotas:}) counts as left out. Bad input fails at load time with a
 * {@link BudgetConfigException} naming the file, line and column, what is wrong and what would be
 * right. The file is read as a YAML node tree only: no object of a type named in it is ever built.
 */
public final class BudgetConfig {
    /** The integrations that {@code integrations:} can switch off. */
    public static final List<String> INTEGRATIONS = List.of("langchain4j", "spring_ai", "openai");
    private static final BudgetConfig EMPTY = new BudgetConfig("", Map.of(), Optional.empty(),
            OutsideRunPolicy.ALLOW, List.of(), Map.of(), Optional.empty());

    private final String source;
    private final Map<String, RunBudget> profiles;
    private final Optional<String> defaultProfileName;
    private final OutsideRunPolicy outsideRun;
    private final List<InstrumentRule> rules;
    private final Map<String, Boolean> integrations;
    private final Optional<QuotaSettings> quotas;

    BudgetConfig(String source, Map<String, RunBudget> profiles, Optional<String> defaultProfileName,
            OutsideRunPolicy outsideRun, List<InstrumentRule> rules, Map<String, Boolean> integrations,
            Optional<QuotaSettings> quotas) {
        this.source = source;
        this.profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        this.defaultProfileName = defaultProfileName;
        this.outsideRun = outsideRun;
        this.rules = List.copyOf(rules);
        this.integrations = Map.copyOf(integrations);
        this.quotas = quotas;
    }

    /**
     * Reads and checks a YAML file (UTF-8).
     *
     * @throws BudgetConfigException when the file is missing or unreadable, or its content is wrong
     */
    public static BudgetConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new BudgetConfigException(source, 0, 0, "configuration file not found: " + file.toAbsolutePath()
                    + "; check the path given with config=PATH, -Dbudget4j.config or BUDGET4J_CONFIG "
                    + "(a relative path starts at the working directory, " + Path.of("").toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new BudgetConfigException(source, 0, 0, "the configuration path " + file.toAbsolutePath()
                    + " is a directory; name the YAML file itself, e.g. " + file.resolve("budgets.yaml"));
        }
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BudgetConfigException(source, 0, 0, "the configuration file is not valid UTF-8; save it "
                    + "with UTF-8 encoding", e);
        } catch (AccessDeniedException e) {
            throw new BudgetConfigException(source, 0, 0, "cannot read the configuration file " + file.toAbsolutePath()
                    + ": permission denied; make it readable by the user that runs the JVM", e);
        } catch (IOException e) {
            throw new BudgetConfigException(source, 0, 0, "cannot read the configuration file " + file.toAbsolutePath()
                    + ": " + e + "; check that it is a readable regular file", e);
        }
        return parse(yaml, source);
    }

    /**
     * Reads and checks YAML text.
     *
     * @param sourceName how messages name the text, e.g. a file name
     * @throws BudgetConfigException when the content is wrong
     */
    public static BudgetConfig parse(String yaml, String sourceName) {
        Objects.requireNonNull(yaml, "yaml");
        return ConfigParser.parse(yaml, sourceName == null ? "<yaml>" : sourceName);
    }

    /** No profiles, no rules, no quotas: every default; its {@link #source()} is empty. */
    public static BudgetConfig empty() {
        return EMPTY;
    }

    /** The profiles under {@code budgets:}, by name, in file order. */
    public Map<String, RunBudget> profiles() {
        return profiles;
    }

    public Optional<RunBudget> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** The profile named by {@code defaults.profile}, if any. */
    public Optional<String> defaultProfileName() {
        return defaultProfileName;
    }

    /** The budget of a run that names no profile: the {@code defaults} profile, else unlimited. */
    public RunBudget defaults() {
        return defaultProfileName.map(profiles::get).orElse(RunBudget.UNLIMITED);
    }

    public OutsideRunPolicy outsideRun() {
        return outsideRun;
    }

    /** The {@code instrument:} rules, in file order. */
    public List<InstrumentRule> rules() {
        return rules;
    }

    /**
     * Whether an integration is on: it is unless {@code integrations:} sets it to false.
     *
     * @param name one of {@link #INTEGRATIONS}
     * @throws IllegalArgumentException for another name (a typo in the caller)
     */
    public boolean integrationEnabled(String name) {
        if (!INTEGRATIONS.contains(name)) {
            throw new IllegalArgumentException("unknown integration '" + name + "'"
                    + Suggestions.advice(String.valueOf(name), INTEGRATIONS, "integrations"));
        }
        return integrations.getOrDefault(name, true);
    }

    /** The {@code quotas:} section, if the file has one. */
    public Optional<QuotaSettings> quotas() {
        return quotas;
    }

    /** Where the configuration came from: the file path, the name given to {@link #parse}, or "" for {@link #empty()}. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "BudgetConfig{source=" + source + ", profiles=" + profiles.keySet() + ", defaults="
                + defaultProfileName.orElse("(none)") + ", outsideRun=" + outsideRun + ", rules=" + rules.size()
                + ", integrations=" + integrations + ", quotas=" + quotas.map(QuotaSettings::toString).orElse("(none)")
                + "}";
    }
}
