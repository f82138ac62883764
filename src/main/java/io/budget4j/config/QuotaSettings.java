package io.budget4j.config;

import io.budget4j.Priority;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The {@code quotas:} section: per-tenant token quotas, where they are kept, and how they renew. */
public final class QuotaSettings {
    /** The shares of the quota each priority may use when the file does not say. */
    public static final Map<Priority, Double> DEFAULT_PRIORITY_SHARES = Collections.unmodifiableMap(new EnumMap<>(
            Map.of(Priority.LOW, 0.7, Priority.NORMAL, 0.9, Priority.HIGH, 1.0)));
    public static final Duration DEFAULT_RESERVATION_TTL = Duration.ofSeconds(60);

    /** How often a tenant's quota renews. */
    public enum Window {
        /** Each calendar day in {@link #zone()}. */
        DAILY,
        /** Each calendar month in {@link #zone()}. */
        MONTHLY
    }

    /** What a call does when the quota store cannot be reached. */
    public enum StoreErrorPolicy {
        /** The call goes on, uncounted (the error is logged). */
        ALLOW,
        /** The call is refused. */
        DENY
    }

    /**
     * One tenant's overrides under {@code quotas.tenants}.
     *
     * @param tokens   the tenant's quota for the window, instead of the default
     * @param priority the tenant's priority when a call names none, instead of the default
     */
    public record TenantSettings(OptionalLong tokens, Optional<Priority> priority) {
        public TenantSettings {
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(priority, "priority");
        }
    }

    private final String store;
    private final Window window;
    private final ZoneId zone;
    private final OptionalLong defaultTokens;
    private final StoreErrorPolicy onStoreError;
    private final Duration reservationTtl;
    private final Map<Priority, Double> priorityShares;
    private final Priority defaultPriority;
    private final Map<String, TenantSettings> tenants;

    QuotaSettings(String store, Window window, ZoneId zone, OptionalLong defaultTokens, StoreErrorPolicy onStoreError,
            Duration reservationTtl, Map<Priority, Double> priorityShares, Priority defaultPriority,
            Map<String, TenantSettings> tenants) {
        this.store = Objects.requireNonNull(store, "store");
        this.window = Objects.requireNonNull(window, "window");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.defaultTokens = Objects.requireNonNull(defaultTokens, "defaultTokens");
        this.onStoreError = Objects.requireNonNull(onStoreError, "onStoreError");
        this.reservationTtl = Objects.requireNonNull(reservationTtl, "reservationTtl");
        this.priorityShares = Collections.unmodifiableMap(new EnumMap<>(priorityShares));
        this.defaultPriority = Objects.requireNonNull(defaultPriority, "defaultPriority");
        this.tenants = Collections.unmodifiableMap(new LinkedHashMap<>(tenants));
    }

    /** Every setting at its default: in-memory store, daily window in UTC, no default quota. */
    public static QuotaSettings defaults() {
        return new QuotaSettings("memory", Window.DAILY, ZoneOffset.UTC, OptionalLong.empty(), StoreErrorPolicy.ALLOW,
                DEFAULT_RESERVATION_TTL, DEFAULT_PRIORITY_SHARES, Priority.NORMAL, Map.of());
    }

    /** {@code memory}, or a Redis URL: {@code redis://[user:password@]host:port[/db]} or {@code rediss://...}. */
    public String store() {
        return store;
    }

    public Window window() {
        return window;
    }

    /** The time zone in which days and months begin. */
    public ZoneId zone() {
        return zone;
    }

    /** The quota of a tenant not listed under {@code tenants} ({@code daily_tokens}); empty: unlimited. */
    public OptionalLong defaultTokens() {
        return defaultTokens;
    }

    public StoreErrorPolicy onStoreError() {
        return onStoreError;
    }

    /** How long a reservation made before a call holds, if the call never settles it. */
    public Duration reservationTtl() {
        return reservationTtl;
    }

    /** The share of the quota (0 &lt; share &lt;= 1) calls of each priority may use; every priority present. */
    public Map<Priority, Double> priorityShares() {
        return priorityShares;
    }

    /** The priority of a call that names none, for a tenant without its own. */
    public Priority defaultPriority() {
        return defaultPriority;
    }

    /** Tenants with their own settings, in file order. */
    public Map<String, TenantSettings> tenants() {
        return tenants;
    }

    /** The quota of {@code tenant}: its own, else the default; empty: unlimited. */
    public OptionalLong tokensFor(String tenant) {
        TenantSettings own = tenants.get(tenant);
        return own != null && own.tokens().isPresent() ? own.tokens() : defaultTokens;
    }

    /** The priority of {@code tenant}'s calls that name none: its own, else the default. */
    public Priority priorityFor(String tenant) {
        TenantSettings own = tenants.get(tenant);
        return own != null && own.priority().isPresent() ? own.priority().get() : defaultPriority;
    }

    @Override
    public String toString() {
        return "QuotaSettings{store=" + StoreUrl.redact(store) + ", window=" + window + ", zone=" + zone
                + ", defaultTokens=" + defaultTokens + ", onStoreError=" + onStoreError + ", reservationTtl="
                + reservationTtl + ", priorityShares=" + priorityShares + ", defaultPriority=" + defaultPriority
                + ", tenants=" + tenants.keySet() + "}";
    }
}
