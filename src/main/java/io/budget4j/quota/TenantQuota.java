package io.budget4j.quota;

import io.budget4j.Priority;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one tenant has configured: its own token quota per window (else the default) and the
 * priority of its calls (else the default).
 */
public record TenantQuota(OptionalLong tokens, Optional<Priority> priority) {
    public TenantQuota {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(priority, "priority");
        if (tokens.isPresent() && tokens.getAsLong() < 0) {
            throw new IllegalArgumentException("tenant tokens must be >= 0, got " + tokens.getAsLong());
        }
    }

    public static TenantQuota of(long tokens) {
        return new TenantQuota(OptionalLong.of(tokens), Optional.empty());
    }

    public static TenantQuota of(long tokens, Priority priority) {
        return new TenantQuota(OptionalLong.of(tokens), Optional.of(priority));
    }

    public static TenantQuota ofPriority(Priority priority) {
        return new TenantQuota(OptionalLong.empty(), Optional.of(priority));
    }
}
