package io.budget4j.integrations;

import io.budget4j.config.InstrumentRule;

/**
 * A rule budget4j ships for a library, and what it knows about that library's calls beyond the
 * rule (null when the generic handling suffices).
 */
public record BuiltInRule(InstrumentRule rule, ModelCallAdapter adapter) {
}
