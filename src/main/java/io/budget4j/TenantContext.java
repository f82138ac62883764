package io.budget4j;

import io.budget4j.internal.Frames;

import java.util.Objects;
import java.util.Optional;

/**
 * The tenant that model calls on the current thread are charged to, for code that does not
 * carry it in a {@link TenantId} parameter:
 *
 * <pre>{@code
 * try (TenantScope scope = TenantContext.open("acme")) {
 *     agent.answer(question);      // every model call counts against acme's quota
 * }
 * }</pre>
 *
 * <p>Scopes nest: closing one gives the thread back the tenant (and priority) it had before.
 */
public final class TenantContext {
    private TenantContext() {
    }

    /** Charges this thread's model calls to {@code tenantId} until the scope closes. */
    public static TenantScope open(String tenantId) {
        return open(tenantId, null);
    }

    /**
     * As {@link #open(String)}, with the priority of these calls against the tenant's quota
     * ({@code null}: the tenant's configured priority). A batch job opens with {@link Priority#LOW}
     * so that it stops before it takes the share kept for interactive traffic.
     */
    public static TenantScope open(String tenantId, Priority priority) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (tenantId.isEmpty()) {
            throw new IllegalArgumentException("tenantId must not be empty");
        }
        Frames.Frame frame = Frames.frameForUpdate();
        TenantScope scope = new TenantScope(frame, tenantId, priority, frame.tenant, frame.priority);
        frame.tenant = tenantId;
        frame.priority = priority;
        return scope;
    }

    /** The tenant this thread's model calls are charged to, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(Frames.currentTenant());
    }

    /** The priority set for this thread's calls by {@link #open(String, Priority)}, if any. */
    public static Optional<Priority> currentPriority() {
        Frames.Frame f = Frames.frame();
        return Optional.ofNullable(f == null ? null : f.priority);
    }
}
