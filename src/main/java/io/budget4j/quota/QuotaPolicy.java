package io.budget4j.quota;

import io.budget4j.Priority;
import io.budget4j.config.QuotaSettings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The settings of a {@link QuotaService}: the same fields as the YAML {@code quotas:} section,
 * immutable, built with {@link #builder()}.
 *
 * <pre>{@code
 * QuotaPolicy policy = QuotaPolicy.builder()
 *         .dailyTokens(100_000)
 *         .tenant("acme", TenantQuota.of(1_000_000, Priority.HIGH))
 *         .zone(ZoneId.of("Europe/Paris"))
 *         .build();
 * }</pre>
 */
public final class QuotaPolicy {
    /** No limit: the tenant's usage is counted but never refused. */
    static final long UNLIMITED = -1;

    private final String store;
    private final QuotaWindow window;
    private final ZoneId zone;
    private final OptionalLong defaultTokens;
    private final StoreErrorPolicy onStoreError;
    private final Duration reservationTtl;
    private final Duration storeWarningInterval;
    private final Map<Priority, Double> priorityShares;
    private final Priority defaultPriority;
    private final Map<String, TenantQuota> tenants;
    private final TenantLimits defaultLimits;
    private final Map<String, TenantLimits> tenantLimits;

    private QuotaPolicy(Builder b) {
        this.store = b.store;
        this.window = b.window;
        this.zone = b.zone;
        this.defaultTokens = b.defaultTokens;
        this.onStoreError = b.onStoreError;
        this.reservationTtl = b.reservationTtl;
        this.storeWarningInterval = b.storeWarningInterval;
        this.priorityShares = Collections.unmodifiableMap(new EnumMap<>(b.priorityShares));
        this.defaultPriority = b.defaultPriority;
        this.tenants = Collections.unmodifiableMap(new LinkedHashMap<>(b.tenants));
        this.defaultLimits = limits(defaultTokens, defaultPriority);
        Map<String, TenantLimits> byTenant = new HashMap<>();
        tenants.forEach((id, t) -> byTenant.put(id,
                limits(t.tokens().isPresent() ? t.tokens() : defaultTokens, t.priority().orElse(defaultPriority))));
        this.tenantLimits = byTenant;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The policy the YAML {@code quotas:} section describes (already checked by the loader). */
    public static QuotaPolicy from(QuotaSettings settings) {
        Builder b = builder()
                .store(settings.store())
                .window(settings.window() == QuotaSettings.Window.MONTHLY ? QuotaWindow.MONTHLY : QuotaWindow.DAILY)
                .zone(settings.zone())
                .onStoreError(settings.onStoreError() == QuotaSettings.StoreErrorPolicy.DENY
                        ? StoreErrorPolicy.DENY : StoreErrorPolicy.ALLOW)
                .reservationTtl(settings.reservationTtl())
                .defaultPriority(settings.defaultPriority());
        settings.defaultTokens().ifPresent(b::defaultTokens);
        settings.priorityShares().forEach(b::priorityShare);
        settings.tenants().forEach((id, t) -> b.tenant(id, new TenantQuota(t.tokens(), t.priority())));
        return b.build();
    }

    /** A builder holding this policy's settings, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder().store(store).window(window).zone(zone).onStoreError(onStoreError)
                .reservationTtl(reservationTtl).storeWarningInterval(storeWarningInterval)
                .defaultPriority(defaultPriority);
        b.defaultTokens = defaultTokens;
        priorityShares.forEach(b::priorityShare);
        tenants.forEach(b::tenant);
        return b;
    }

    /** {@code memory}, or a Redis URL ({@code redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS). */
    public String store() {
        return store;
    }

    public QuotaWindow window() {
        return window;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Tokens per window of a tenant without its own quota; empty: such tenants are unlimited. */
    public OptionalLong defaultTokens() {
        return defaultTokens;
    }

    public StoreErrorPolicy onStoreError() {
        return onStoreError;
    }

    /** How long a reservation holds its tokens if it is never settled (its holder died). */
    public Duration reservationTtl() {
        return reservationTtl;
    }

    /** At most one warning per this interval while the store cannot be reached. */
    public Duration storeWarningInterval() {
        return storeWarningInterval;
    }

    /** The share of the quota each priority may use (1.0 = all of it). */
    public Map<Priority, Double> priorityShares() {
        return priorityShares;
    }

    /** The priority of a tenant that sets none. */
    public Priority defaultPriority() {
        return defaultPriority;
    }

    public Map<String, TenantQuota> tenants() {
        return tenants;
    }

    /** The resolved limits of {@code tenant}: its own, else the defaults. */
    TenantLimits limitsFor(String tenant) {
        TenantLimits l = tenantLimits.get(tenant);
        return l != null ? l : defaultLimits;
    }

    private TenantLimits limits(OptionalLong tokens, Priority priority) {
        long limit = tokens.isPresent() ? tokens.getAsLong() : UNLIMITED;
        Priority[] all = Priority.values();
        long[] caps = new long[all.length];
        for (Priority p : all) {
            caps[p.ordinal()] = limit == UNLIMITED ? UNLIMITED : (long) Math.floor(limit * priorityShares.get(p));
        }
        return new TenantLimits(limit, priority, caps);
    }

    @Override
    public String toString() {
        return "QuotaPolicy{store=" + io.budget4j.quota.redis.RedisUrl.redact(store) + ", window=" + window.label() + ", zone=" + zone
                + ", defaultTokens=" + (defaultTokens.isPresent() ? defaultTokens.getAsLong() : "unlimited")
                + ", onStoreError=" + onStoreError + ", reservationTtl=" + reservationTtl
                + ", priorityShares=" + priorityShares + ", defaultPriority=" + defaultPriority
                + ", tenants=" + tenants.keySet() + "}";
    }

    /**
     * A tenant's limits resolved against the defaults: its quota ({@link #UNLIMITED} for none),
     * its priority, and the cap of each priority (the quota times the priority's share).
     */
    record TenantLimits(long limit, Priority priority, long[] caps) {
        long cap(Priority p) {
            return caps[p.ordinal()];
        }
    }

    public static final class Builder {
        private String store = "memory";
        private QuotaWindow window = QuotaWindow.DAILY;
        private ZoneId zone = ZoneId.of("UTC");
        private OptionalLong defaultTokens = OptionalLong.empty();
        private StoreErrorPolicy onStoreError = StoreErrorPolicy.ALLOW;
        private Duration reservationTtl = Duration.ofSeconds(60);
        private Duration storeWarningInterval = Duration.ofMinutes(1);
        private final EnumMap<Priority, Double> priorityShares = new EnumMap<>(Map.of(
                Priority.LOW, 0.7, Priority.NORMAL, 0.9, Priority.HIGH, 1.0));
        private Priority defaultPriority = Priority.NORMAL;
        private final Map<String, TenantQuota> tenants = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder store(String store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder window(QuotaWindow window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Tokens per window of every tenant without its own quota ({@code daily_tokens}). */
        public Builder dailyTokens(long tokens) {
            return defaultTokens(tokens);
        }

        /** Tokens per window (daily or monthly) of every tenant without its own quota. */
        public Builder defaultTokens(long tokens) {
            if (tokens < 0) {
                throw new IllegalArgumentException("quota tokens must be >= 0, got " + tokens);
            }
            this.defaultTokens = OptionalLong.of(tokens);
            return this;
        }

        /** Tenants without their own quota are counted but never refused. */
        public Builder unlimitedByDefault() {
            this.defaultTokens = OptionalLong.empty();
            return this;
        }

        public Builder onStoreError(StoreErrorPolicy policy) {
            this.onStoreError = Objects.requireNonNull(policy, "onStoreError");
            return this;
        }

        public Builder reservationTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("reservation TTL must be positive, got " + ttl);
            }
            this.reservationTtl = ttl;
            return this;
        }

        public Builder storeWarningInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("store warning interval must be >= 0, got " + interval);
            }
            this.storeWarningInterval = interval;
            return this;
        }

        /** The share of the quota calls of {@code priority} may use, in (0, 1]. */
        public Builder priorityShare(Priority priority, double share) {
            Objects.requireNonNull(priority, "priority");
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("share of priority " + priority + " must be in (0, 1], got " + share);
            }
            priorityShares.put(priority, share);
            return this;
        }

        public Builder defaultPriority(Priority priority) {
            this.defaultPriority = Objects.requireNonNull(priority, "defaultPriority");
            return this;
        }

        public Builder tenant(String id, TenantQuota quota) {
            Objects.requireNonNull(id, "tenant id");
            tenants.put(id, Objects.requireNonNull(quota, "quota"));
            return this;
        }

        public Builder tenant(String id, long tokens) {
            return tenant(id, TenantQuota.of(tokens));
        }

        public QuotaPolicy build() {
            return new QuotaPolicy(this);
        }
    }
}
