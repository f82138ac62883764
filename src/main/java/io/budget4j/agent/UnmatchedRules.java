package io.budget4j.agent;

import io.budget4j.config.InstrumentRule;
import io.budget4j.internal.DeadlineTimer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports, once, the user's {@code instrument:} rules that matched no method: a while after
 * start-up ({@code -Dbudget4j.unmatchedRulesAfterSeconds}, 60 by default), or when the JVM exits
 * before that. A typo in a rule must not pass silently.
 */
final class UnmatchedRules {
    private static final Logger LOG = System.getLogger("io.budget4j.agent");

    private UnmatchedRules() {
    }

    static void reportLater(RuleIndex rules) {
        if (rules.unmatchedUserRules().isEmpty()) {
            return;
        }
        AtomicBoolean reported = new AtomicBoolean();
        double seconds = Double.parseDouble(System.getProperty("budget4j.unmatchedRulesAfterSeconds", "60"));
        DeadlineTimer.shared().schedule(() -> {
            if (reported.compareAndSet(false, true)) {
                report(rules.unmatchedUserRules(), false);
            }
        }, (long) (seconds * 1e9));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (reported.compareAndSet(false, true)) {
                report(rules.unmatchedUserRules(), true);
            }
        }, "budget4j-unmatched-rules"));
    }

    private static void report(List<InstrumentRule> unmatched, boolean atExit) {
        for (InstrumentRule r : unmatched) {
            String message = "budget4j: the rule " + r.describe() + " has matched no method"
                    + (atExit ? " by the time the JVM exits" : " yet")
                    + "; check the type, method and parameter names (types match their subtypes too)";
            if (atExit) {
                // Logging backends may already be shut down by now.
                System.err.println(message);
            } else {
                LOG.log(Level.WARNING, message);
            }
        }
    }
}
