package io.budget4j.config;

import io.budget4j.Priority;
import io.budget4j.config.QuotaSettings.StoreErrorPolicy;
import io.budget4j.config.QuotaSettings.TenantSettings;
import io.budget4j.config.QuotaSettings.Window;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code quotas:} section; anything left out keeps its default. */
final class QuotaParser {
    static final List<String> KEYS = List.of("store", "window", "zone", "daily_tokens", "on_store_error",
            "reservation_ttl_seconds", "priorities", "default_priority", "tenants");
    static final List<String> TENANT_KEYS = List.of("daily_tokens", "priority");
    static final List<String> PRIORITIES = List.of("low", "normal", "high");
    private static final double MAX_RESERVATION_TTL_SECONDS = 86_400;

    private final NodeReader reader;

    QuotaParser(NodeReader reader) {
        this.reader = reader;
    }

    QuotaSettings parse(Node node) {
        QuotaSettings defaults = QuotaSettings.defaults();
        YamlMap quotas = reader.map(node, "in 'quotas'", "'quotas'", "{store: memory, daily_tokens: 100000}");
        quotas.allowOnly(KEYS);
        String store = quotas.has("store") ? store(quotas.value("store")) : defaults.store();
        Window window = quotas.has("window") ? Window.valueOf(upper(reader.choice(quotas.value("window"),
                "window in 'quotas'", List.of("daily", "monthly")))) : defaults.window();
        ZoneId zone = quotas.has("zone") ? zone(quotas.value("zone")) : defaults.zone();
        OptionalLong tokens = quotas.has("daily_tokens") ? tokens(quotas.value("daily_tokens"), "daily_tokens in 'quotas'")
                : defaults.defaultTokens();
        StoreErrorPolicy onStoreError = quotas.has("on_store_error")
                ? StoreErrorPolicy.valueOf(upper(reader.choice(quotas.value("on_store_error"),
                        "on_store_error in 'quotas'", List.of("allow", "deny"))))
                : defaults.onStoreError();
        Duration ttl = quotas.has("reservation_ttl_seconds")
                ? seconds(reader.positiveNumber(quotas.value("reservation_ttl_seconds"),
                        "reservation_ttl_seconds in 'quotas'", MAX_RESERVATION_TTL_SECONDS,
                        "; write e.g. 60, or remove the key for the default of 60 seconds"))
                : defaults.reservationTtl();
        Map<Priority, Double> shares = quotas.has("priorities") ? shares(quotas.value("priorities"))
                : defaults.priorityShares();
        Priority defaultPriority = quotas.has("default_priority")
                ? priority(quotas.value("default_priority"), "default_priority in 'quotas'")
                : defaults.defaultPriority();
        Map<String, TenantSettings> tenants = tenants(quotas.value("tenants"));
        return new QuotaSettings(store, window, zone, tokens, onStoreError, ttl, shares, defaultPriority, tenants);
    }

    private String store(Node node) {
        String text = reader.text(node, "store in 'quotas'", "memory");
        try {
            return StoreUrl.check(text);
        } catch (IllegalArgumentException e) {
            throw reader.error(node, e.getMessage());
        }
    }

    private ZoneId zone(Node node) {
        String text = reader.text(node, "zone in 'quotas'", "UTC");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            String hint = Suggestions.nearest(text, ZoneId.getAvailableZoneIds())
                    .map(s -> "did you mean '" + s + "'? Use").orElse("use");
            throw reader.error(node, "unknown time zone '" + text + "' in 'quotas'; " + hint
                    + " a region ID like Europe/Paris or America/New_York, UTC, or an offset like +01:00");
        }
    }

    private OptionalLong tokens(Node node, String what) {
        return OptionalLong.of(reader.wholeNumber(node, what, 0, Long.MAX_VALUE,
                ", or remove the key for no quota"));
    }

    private Map<Priority, Double> shares(Node node) {
        YamlMap section = reader.map(node, "in 'quotas.priorities'", "'quotas.priorities'",
                "{low: 0.7, normal: 0.9, high: 1.0}");
        section.allowOnly(PRIORITIES);
        Map<Priority, Double> shares = new EnumMap<>(QuotaSettings.DEFAULT_PRIORITY_SHARES);
        for (String name : section.keys()) {
            shares.put(Priority.valueOf(upper(name)), reader.positiveNumber(section.value(name),
                    name + " in 'quotas.priorities'", 1.0, "; write the share of the quota, e.g. 0.7 for 70%"));
        }
        // A lower priority with a larger share would be refused later than a higher one: surely a slip.
        Priority[] order = Priority.values();
        for (int i = 1; i < order.length; i++) {
            double lower = shares.get(order[i - 1]);
            double higher = shares.get(order[i]);
            if (lower > higher) {
                throw reader.error(section.node(), "the share of priority " + lower(order[i - 1]) + " (" + lower
                        + ") is larger than that of " + lower(order[i]) + " (" + higher + ") in 'quotas.priorities'"
                        + "; a higher priority must get at least the share of a lower one: low <= normal <= high");
            }
        }
        return shares;
    }

    private Priority priority(Node node, String what) {
        return Priority.valueOf(upper(reader.choice(node, what, PRIORITIES)));
    }

    private Map<String, TenantSettings> tenants(Node node) {
        YamlMap section = reader.map(node, "in 'quotas.tenants'", "'quotas.tenants'",
                "{acme: {daily_tokens: 50000, priority: high}}");
        Map<String, TenantSettings> tenants = new LinkedHashMap<>();
        for (String tenant : section.keys()) {
            String where = "in tenant '" + tenant + "'";
            YamlMap settings = reader.map(section.value(tenant), where, "tenant '" + tenant + "'",
                    "{daily_tokens: 50000, priority: high}");
            settings.allowOnly(TENANT_KEYS);
            OptionalLong tokens = settings.has("daily_tokens")
                    ? tokens(settings.value("daily_tokens"), "daily_tokens " + where) : OptionalLong.empty();
            Optional<Priority> priority = settings.has("priority")
                    ? Optional.of(priority(settings.value("priority"), "priority " + where)) : Optional.empty();
            tenants.put(tenant, new TenantSettings(tokens, priority));
        }
        return tenants;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) Math.ceil(seconds * 1e9));
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static String lower(Priority p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
