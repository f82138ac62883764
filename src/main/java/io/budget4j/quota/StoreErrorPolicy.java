package io.budget4j.quota;

/** What a quota check does when the quota store cannot be reached ({@code on_store_error}). */
public enum StoreErrorPolicy {
    /** Let calls through, as if the tenant had quota left; warn in the log (not on every call). */
    ALLOW,
    /** Refuse calls with {@code Limit.QUOTA}: the message says the store cannot be reached. */
    DENY
}
