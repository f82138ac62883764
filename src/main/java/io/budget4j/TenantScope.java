package io.budget4j;

import io.budget4j.internal.Frames;

/**
 * A tenant bound to the current thread by {@link TenantContext#open}; closing it restores the
 * tenant and priority the thread had before. Use with try-with-resources.
 */
public final class TenantScope implements AutoCloseable {
    private final Frames.Frame frame;
    private final String tenant;
    private final Priority priority;
    private final String previousTenant;
    private final Priority previousPriority;

    TenantScope(Frames.Frame frame, String tenant, Priority priority, String previousTenant,
            Priority previousPriority) {
        this.frame = frame;
        this.tenant = tenant;
        this.priority = priority;
        this.previousTenant = previousTenant;
        this.previousPriority = previousPriority;
    }

    /** The tenant this scope set. */
    public String tenant() {
        return tenant;
    }

    @Override
    public void close() {
        // Restore only while this scope is still the innermost one; closing out of order must
        // not clobber a tenant set after it.
        if (frame.tenant == tenant && frame.priority == priority) {
            frame.tenant = previousTenant;
            frame.priority = previousPriority;
        }
    }
}
