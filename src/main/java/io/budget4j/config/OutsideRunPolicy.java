package io.budget4j.config;

/** What happens to a model or tool call made outside any run ({@code outside_run:}). */
public enum OutsideRunPolicy {
    /** The call goes through (it still counts toward its tenant's quota, and is logged). */
    ALLOW,
    /** The call is refused with {@code Limit.OUTSIDE_RUN}. */
    DENY
}
