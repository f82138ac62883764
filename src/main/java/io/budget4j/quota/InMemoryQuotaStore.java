package io.budget4j.quota;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded store: counters in this JVM, exact under concurrency and lock-free (a
 * compare-and-set per admission). Usage is lost when the JVM exits; use Redis to share quotas
 * between JVMs or keep them across restarts.
 *
 * <p>Each tenant keeps only its current window; the first operation in a new window replaces the
 * old one. A reservation settled after its window was replaced is not charged (the window it
 * belongs to is over), as with Redis, where it would land in the expired window's keys.
 */
public final class InMemoryQuotaStore implements QuotaStore {
    private static final VarHandle COMMITTED;
    private static final VarHandle RESERVED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            COMMITTED = l.findVarHandle(Window.class, "committed", long.class);
            RESERVED = l.findVarHandle(Window.class, "reserved", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ConcurrentHashMap<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final AtomicLong leaseIds = new AtomicLong();

    @Override
    public boolean tryConsume(String tenant, WindowSpan span, long tokens, long cap, long now) {
        Window w = window(tenant, span);
        long need = Math.max(tokens, 1);
        for (;;) {
            long c = w.committed;
            if (cap != NO_CAP && need > cap - c) {
                if (w.purgeExpired(now)) {
                    continue;
                }
                return false;
            }
            if (COMMITTED.weakCompareAndSet(w, c, c + tokens)) {
                return true;
            }
        }
    }

    @Override
    public void consume(String tenant, WindowSpan span, long tokens, long now) {
        COMMITTED.getAndAdd(window(tenant, span), tokens);
    }

    @Override
    public Admission reserve(String tenant, WindowSpan span, long tokens, long cap, long now, long leaseExpiresAt) {
        Window w = window(tenant, span);
        long need = Math.max(tokens, 1);
        for (;;) {
            long c = w.committed;
            if (cap != NO_CAP && need > cap - c) {
                if (w.purgeExpired(now)) {
                    continue;
                }
                return new Admission(REFUSED, w.counters());
            }
            if (COMMITTED.weakCompareAndSet(w, c, c + tokens)) {
                break;
            }
        }
        // Counted in committed first, then in reserved: a concurrent usage() may briefly see the
        // tokens as used, never as missing.
        RESERVED.getAndAdd(w, tokens);
        long id = leaseIds.incrementAndGet();
        w.leases.put(id, new Lease(tokens, leaseExpiresAt));
        return new Admission(id, null);
    }

    @Override
    public void settle(String tenant, WindowSpan span, long leaseId, long reservedTokens, long actualTokens,
            long now) {
        Tenant t = tenants.get(tenant);
        Window w = t == null ? null : t.current;
        if (w == null || w.start != span.startMillis()) {
            return; // its window is over
        }
        Lease lease = leaseId == REFUSED ? null : w.leases.remove(leaseId);
        if (lease != null) {
            RESERVED.getAndAdd(w, -lease.tokens);
            COMMITTED.getAndAdd(w, actualTokens - lease.tokens);
        } else {
            COMMITTED.getAndAdd(w, actualTokens);
        }
    }

    @Override
    public Counters usage(String tenant, WindowSpan span, long now) {
        Tenant t = tenants.get(tenant);
        Window w = t == null ? null : t.current;
        if (w == null || w.start != span.startMillis()) {
            return new Counters(0, 0);
        }
        w.purgeExpired(now);
        return w.counters();
    }

    @Override
    public String description() {
        return "memory";
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    /** The tenant's window for {@code span}, replacing an older one. */
    private Window window(String tenant, WindowSpan span) {
        Tenant t = tenants.get(tenant);
        if (t == null) {
            t = tenants.computeIfAbsent(tenant, k -> new Tenant());
        }
        for (;;) {
            Window w = t.current;
            // A caller still on an older window (its clock read before the rollover) charges the
            // current one: never less strict than the store's newest view.
            if (w != null && w.start >= span.startMillis()) {
                return w;
            }
            Window fresh = new Window(span.startMillis());
            if (Tenant.CURRENT.compareAndSet(t, w, fresh)) {
                return fresh;
            }
        }
    }

    private static final class Tenant {
        static final VarHandle CURRENT;

        static {
            try {
                CURRENT = MethodHandles.lookup().findVarHandle(Tenant.class, "current", Window.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        volatile Window current;
    }

    private record Lease(long tokens, long expiresAt) {
    }

    /** One window's counters: {@code committed} = used + reserved, checked against the cap by CAS. */
    private static final class Window {
        final long start;
        final Map<Long, Lease> leases = new ConcurrentHashMap<>();
        volatile long committed;
        volatile long reserved;

        Window(long start) {
            this.start = start;
        }

        /** A snapshot; reserved is read first, so tokens moving from reserved to used are never missed. */
        Counters counters() {
            long r = reserved;
            long c = committed;
            return new Counters(Math.max(0, c - r), r);
        }

        /** Frees the leases expired at {@code now}; true when any was freed. */
        boolean purgeExpired(long now) {
            if (leases.isEmpty()) {
                return false;
            }
            boolean freed = false;
            for (Map.Entry<Long, Lease> e : leases.entrySet()) {
                Lease l = e.getValue();
                if (l.expiresAt <= now && leases.remove(e.getKey(), l)) {
                    RESERVED.getAndAdd(this, -l.tokens);
                    COMMITTED.getAndAdd(this, -l.tokens);
                    freed = true;
                }
            }
            return freed;
        }
    }
}
