package io.budget4j.quota;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetManager;
import io.budget4j.BudgetUsage;
import io.budget4j.Priority;
import io.budget4j.internal.Engine;
import io.budget4j.internal.Frames;
import io.budget4j.internal.QuotaGate;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Objects;

/**
 * Token quotas per tenant (a customer, a team, an API key) per window (a day, or a month), kept
 * in a {@link QuotaStore}: in memory, or in Redis when the tenants' calls come from many JVMs.
 *
 * <pre>{@code
 * QuotaService quotas = QuotaService.create(QuotaPolicy.builder().dailyTokens(10_000).build());
 * if (quotas.checkQuota("tenant_123", 2000)) {          // the seed's way: check, run, consume
 *     ...
 *     quotas.consumeQuota("tenant_123", used);
 * }
 * try (Reservation r = quotas.reserve("tenant_123", 2000)) {   // the atomic way
 *     r.settle(callTheModel());
 * }
 * }</pre>
 *
 * <p><b>Windows</b> are computed from the clock when a quota is read: the quota resets by itself
 * at midnight in the policy's zone (or on the first of the month), with no background job.
 *
 * <p><b>Priorities</b>: calls of a priority may use only its share of the quota (by default low
 * 70%, normal 90%, high 100%), so batch work stops before it eats the part kept for interactive
 * calls.
 *
 * <p><b>Store failures</b> never reach the caller: the policy's {@link StoreErrorPolicy} decides,
 * a warning is logged at most once per interval, and the next operation tries the store again.
 *
 * <p>{@link #install()} makes the service the engine's quota gate: every model call charged to a
 * tenant is then admitted by it and settled with what it used.
 */
public final class QuotaService implements QuotaGate, AutoCloseable {
    private static final Logger LOG = System.getLogger("io.budget4j.quota");
    private static final BudgetUsage NO_RUN = new BudgetUsage(0, 0, Duration.ZERO, 0, 0);
    /** Model calls in flight on one thread at once (nested inside each other) that are tracked. */
    private static final int MAX_NESTED_CALLS = 32;

    private final QuotaPolicy policy;
    private final QuotaStore store;
    private final Clock clock;
    /** True when this service opened the store (from the policy), so closing it is ours to do. */
    private final boolean ownsStore;
    private final long leaseMillis;
    private final StoreHealth health;
    /** Reservations of model calls in flight on each thread, for {@link #settle(String, long, long)}. */
    private final ThreadLocal<ArrayDeque<Reservation>> inFlight = ThreadLocal.withInitial(ArrayDeque::new);
    private volatile WindowSpan span;

    private QuotaService(QuotaPolicy policy, QuotaStore store, Clock clock, boolean ownsStore) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownsStore = ownsStore;
        this.leaseMillis = policy.reservationTtl().toMillis();
        this.health = new StoreHealth(store.description(), policy.onStoreError(), policy.storeWarningInterval());
        this.span = policy.window().spanAt(clock.instant(), policy.zone());
    }

    /** A service on the store the policy names ({@code memory} or a Redis URL), on the UTC system clock. */
    public static QuotaService create(QuotaPolicy policy) {
        return new QuotaService(policy, QuotaStore.open(policy.store()), Clock.systemUTC(), true);
    }

    /**
     * A service on {@code store} (the policy's {@code store} is not used). The store stays the
     * caller's to close: several services (with different policies) may share it.
     */
    public static QuotaService create(QuotaPolicy policy, QuotaStore store) {
        return new QuotaService(policy, store, Clock.systemUTC(), false);
    }

    /** As {@link #create(QuotaPolicy, QuotaStore)}, reading windows and lease expiries from {@code clock}. */
    public static QuotaService create(QuotaPolicy policy, QuotaStore store, Clock clock) {
        return new QuotaService(policy, store, clock, false);
    }

    public QuotaPolicy policy() {
        return policy;
    }

    public QuotaStore store() {
        return store;
    }

    // ---- the seed's operations -------------------------------------------------------------

    /**
     * True when {@code tenant} has at least {@code estimatedTokens} left (at its priority). Only a
     * look: another caller may spend them before this one does; {@link #tryConsume} and
     * {@link #reserve} check and charge in one step.
     */
    public boolean checkQuota(String tenant, long estimatedTokens) {
        requireNonNegative(estimatedTokens);
        return remaining(tenant) >= estimatedTokens;
    }

    /** Charges {@code tokens} to {@code tenant}, even beyond its quota (they were spent already). */
    public void consumeQuota(String tenant, long tokens) {
        Objects.requireNonNull(tenant, "tenant");
        requireNonNegative(tokens);
        try {
            long now = clock.millis();
            store.consume(tenant, spanAt(now), tokens, now);
            health.ok();
        } catch (RuntimeException e) {
            health.failed("consume", e);
        }
    }

    /** Tokens {@code tenant} can still spend in this window at its priority ({@code Long.MAX_VALUE} if unlimited). */
    public long remaining(String tenant) {
        return usage(tenant).remaining();
    }

    /** Tokens {@code tenant} can still spend in this window with calls of {@code priority}. */
    public long remaining(String tenant, Priority priority) {
        return usage(tenant, priority).remaining();
    }

    // ---- atomic operations -----------------------------------------------------------------

    /** Charges {@code tokens} to {@code tenant} if its quota (at its priority) covers them; true when charged. */
    public boolean tryConsume(String tenant, long tokens) {
        return tryConsume(tenant, tokens, policy.limitsFor(tenant).priority());
    }

    /** As {@link #tryConsume(String, long)}, for a call of {@code priority}. */
    public boolean tryConsume(String tenant, long tokens, Priority priority) {
        Objects.requireNonNull(tenant, "tenant");
        requireNonNegative(tokens);
        long now = clock.millis();
        long cap = policy.limitsFor(tenant).cap(priority);
        try {
            boolean ok = store.tryConsume(tenant, spanAt(now), tokens, cap, now);
            health.ok();
            return ok;
        } catch (RuntimeException e) {
            health.failed("try-consume", e);
            return policy.onStoreError() == StoreErrorPolicy.ALLOW;
        }
    }

    /**
     * Holds {@code tokens} of {@code tenant}'s quota for a call about to be made; settle the
     * reservation with what the call used, or release it.
     *
     * @throws QuotaExhaustedException when the quota cannot cover them (nothing is held)
     */
    public Reservation reserve(String tenant, long tokens) {
        return reserve(tenant, tokens, policy.limitsFor(tenant).priority());
    }

    /** As {@link #reserve(String, long)}, for a call of {@code priority}. */
    public Reservation reserve(String tenant, long tokens, Priority priority) {
        Object r = acquire(tenant, tokens, priority, null);
        if (r instanceof Reservation) {
            return (Reservation) r;
        }
        throw (QuotaExhaustedException) r;
    }

    /** {@code tenant}'s quota in the current window, at its own priority. */
    public QuotaUsage usage(String tenant) {
        return usage(tenant, policy.limitsFor(tenant).priority());
    }

    /** {@code tenant}'s quota in the current window, with {@code allowed} for {@code priority}. */
    public QuotaUsage usage(String tenant, Priority priority) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(priority, "priority");
        long now = clock.millis();
        WindowSpan w = spanAt(now);
        QuotaPolicy.TenantLimits limits = policy.limitsFor(tenant);
        try {
            QuotaStore.Counters c = store.usage(tenant, w, now);
            health.ok();
            return new QuotaUsage(tenant, w, priority, limits.limit(), limits.cap(priority), c.used(), c.reserved(), true);
        } catch (RuntimeException e) {
            health.failed("usage", e);
            long allowed = limits.cap(priority);
            // Remaining follows the policy: all of it when calls are let through, none when refused.
            long used = policy.onStoreError() == StoreErrorPolicy.ALLOW || allowed < 0 ? 0 : allowed;
            return new QuotaUsage(tenant, w, priority, limits.limit(), allowed, used, 0, false);
        }
    }

    // ---- the engine's gate -----------------------------------------------------------------

    /** Makes this service the engine's quota gate: model calls charged to a tenant go through it. */
    public QuotaService install() {
        Engine.quotaGate(this);
        return this;
    }

    /**
     * Admits a model call charged to {@code tenant}, holding {@code estimateTokens}. The priority is
     * the one {@link io.budget4j.TenantContext#open(String, Priority)} set on this thread for this
     * tenant, else the tenant's own. {@link #settle(String, long, long)} must follow on the same
     * thread when (and only when) the call was admitted.
     */
    @Override
    public BudgetExhaustedException tryAcquire(String tenant, long estimateTokens, String method) {
        if (tenant == null) {
            return null;
        }
        Frames.Frame f = Frames.frame();
        Priority priority = f != null && f.priority != null && tenant.equals(f.tenant)
                ? f.priority : policy.limitsFor(tenant).priority();
        Object r = acquire(tenant, Math.max(0, estimateTokens), priority, method);
        if (r instanceof Reservation) {
            ArrayDeque<Reservation> stack = inFlight.get();
            if (stack.size() >= MAX_NESTED_CALLS) {
                // Calls admitted but never settled (a caller that skipped settle): forget the
                // oldest rather than grow; its lease expires in the store by itself.
                stack.removeLast();
            }
            stack.push((Reservation) r);
            return null;
        }
        return (BudgetExhaustedException) r;
    }

    /** Settles the call admitted last on this thread by {@link #tryAcquire}. */
    @Override
    public void settle(String tenant, long reservedTokens, long actualTokens) {
        if (tenant == null) {
            return;
        }
        long actual = Math.max(0, actualTokens);
        ArrayDeque<Reservation> stack = inFlight.get();
        Reservation top = stack.peek();
        if (top != null && top.tenant().equals(tenant)) {
            stack.pop();
            top.settle(actual);
        } else {
            // Not admitted here (or settled on another thread): charge it; any hold expires by itself.
            LOG.log(Level.DEBUG, "quota settle without a matching reservation on this thread (tenant {0})", tenant);
            consumeQuota(tenant, actual);
        }
    }

    /** Uninstalls the gate if this service is it, and closes the store if the service opened it. */
    @Override
    public void close() {
        if (Engine.quotaGate() == this) {
            Engine.quotaGate(null);
        }
        if (ownsStore) {
            store.close();
        }
    }

    // ---- internals -------------------------------------------------------------------------

    /** Operations that could not reach the store since this service started. */
    long storeFailures() {
        return health.failures();
    }

    /** A {@link Reservation}, or the {@link QuotaExhaustedException} refusing it. */
    private Object acquire(String tenant, long tokens, Priority priority, String method) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(priority, "priority");
        requireNonNegative(tokens);
        long now = clock.millis();
        WindowSpan w = spanAt(now);
        QuotaPolicy.TenantLimits limits = policy.limitsFor(tenant);
        long cap = limits.cap(priority);
        long expiresAt = now + leaseMillis;
        QuotaStore.Admission admission;
        try {
            admission = store.reserve(tenant, w, tokens, cap, now, expiresAt);
            health.ok();
        } catch (RuntimeException e) {
            health.failed("reserve", e);
            if (policy.onStoreError() == StoreErrorPolicy.ALLOW) {
                return new Reservation(this, tenant, w, QuotaStore.REFUSED, tokens, expiresAt);
            }
            return new QuotaExhaustedException(tenant, null, runUsage(), unreachableMessage(tenant, method, e));
        }
        if (admission.admitted()) {
            return new Reservation(this, tenant, w, admission.leaseId(), tokens, expiresAt);
        }
        QuotaStore.Counters c = admission.counters();
        QuotaUsage u = new QuotaUsage(tenant, w, priority, limits.limit(), cap, c.used(), c.reserved(), true);
        return new QuotaExhaustedException(tenant, u, runUsage(), exhaustedMessage(u, tokens, method));
    }

    void settle(Reservation r, long actualTokens) {
        try {
            // A reservation made while the store was down holds nothing: only the charge is left.
            store.settle(r.tenant(), r.window(), r.leaseId(), r.leaseId() == QuotaStore.REFUSED ? 0 : r.tokens(),
                    actualTokens, clock.millis());
            health.ok();
        } catch (RuntimeException e) {
            health.failed("settle", e);
        }
    }

    private WindowSpan spanAt(long now) {
        WindowSpan s = span;
        if (s.contains(now)) {
            return s;
        }
        s = policy.window().spanAt(Instant.ofEpochMilli(now), policy.zone());
        span = s;
        return s;
    }

    private static BudgetUsage runUsage() {
        BudgetManager run = Frames.currentRun();
        return run == null ? NO_RUN : run.usage();
    }

    private String exhaustedMessage(QuotaUsage u, long tokens, String method) {
        StringBuilder m = new StringBuilder("Quota exhausted: tenant '").append(u.tenant()).append("' has used ")
                .append(u.used());
        if (u.reserved() > 0) {
            m.append(" (+").append(u.reserved()).append(" reserved by calls in flight)");
        }
        m.append(" of ").append(u.allowed()).append(" tokens allowed in its ").append(u.window().describe());
        double share = policy.priorityShares().get(u.priority());
        if (share < 1.0) {
            m.append(" at priority ").append(u.priority().name().toLowerCase(Locale.ROOT)).append(" (")
                    .append(Math.round(share * 100)).append("% of its ").append(u.limit()).append(')');
        }
        m.append(tokens == 0 ? "; no token is left for this call" : "; this call needs " + tokens).append(", so ")
                .append(method == null ? "it was refused" : "the call to " + method + " was not made")
                .append(". The quota resets at ").append(u.resetsAt())
                .append(". To allow more, ");
        if (policy.tenants().containsKey(u.tenant())) {
            m.append("raise daily_tokens of tenant '").append(u.tenant()).append("' under quotas.tenants");
        } else {
            m.append("raise quotas.daily_tokens, or give tenant '").append(u.tenant())
                    .append("' its own under quotas.tenants");
        }
        m.append(" in the YAML.");
        return m.toString();
    }

    private String unreachableMessage(String tenant, String method, RuntimeException e) {
        return "Quota store " + store.description() + " cannot be reached (" + e.getMessage() + "), so "
                + (method == null ? "the call" : "the call to " + method) + " of tenant '" + tenant
                + "' was refused (on_store_error: deny). Calls go through again as soon as the store answers.";
    }

    private static void requireNonNegative(long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be >= 0, got " + tokens);
        }
    }
}
