package io.budget4j;

/**
 * How much of its tenant's quota a call may use. A call of a lower priority is refused earlier,
 * so that the last part of the quota stays for the calls that matter most. The share of each
 * priority is configured under {@code quotas.priorities} (defaults: low 0.7, normal 0.9, high 1.0).
 */
public enum Priority {
    LOW,
    NORMAL,
    HIGH
}
