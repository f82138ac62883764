package io.budget4j.internal;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetListener;
import io.budget4j.BudgetManager;
import io.budget4j.BudgetUsage;
import io.budget4j.StepRecord;
import io.budget4j.internal.jfr.CallEvent;
import io.budget4j.internal.jfr.EventEnabled;
import io.budget4j.internal.jfr.JfrRecording;
import io.budget4j.internal.jfr.RefusalEvent;
import io.budget4j.internal.jfr.RunEvent;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Where everything a run does is reported: {@link System.Logger} (so it lands in the
 * application's logging backend), JFR events, and registered {@link BudgetListener}s.
 *
 * <p>Step reports are the hot path: when no listener is registered, the step logger is below
 * DEBUG and no JFR recording runs, a step costs three cheap reads and allocates nothing.
 */
public final class Observers {
    /** One line per step at DEBUG. */
    private static final Logger STEP_LOG = System.getLogger("io.budget4j.step");
    /** Run summaries at INFO, refusals at INFO. */
    private static final Logger RUN_LOG = System.getLogger("io.budget4j.run");
    private static final Logger LOG = System.getLogger("io.budget4j");

    private static final boolean JFR = jfrAvailable();
    /** Asked before building a call event, so steps allocate none while call events are off. */
    private static final EventEnabled CALL_EVENTS = JFR ? EventEnabled.of(CallEvent.class) : EventEnabled.OFF;
    private static final BudgetListener[] NONE = new BudgetListener[0];
    private static volatile BudgetListener[] listeners = NONE;

    private Observers() {
    }

    public static synchronized void addListener(BudgetListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        BudgetListener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[next.length - 1] = listener;
        listeners = next;
    }

    public static synchronized void removeListener(BudgetListener listener) {
        listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(BudgetListener[]::new);
    }

    public static void runOpened(BudgetManager run) {
        each(l -> l.runOpened(run));
        if (RUN_LOG.isLoggable(Level.DEBUG)) {
            RUN_LOG.log(Level.DEBUG, "run {0} opened by {1}: {2}", run.id(), run.origin(), run.budget());
        }
    }

    /** Returns a JFR event begun now, or null when no recording runs. */
    public static Object beginRunEvent() {
        if (JFR && JfrRecording.running()) {
            RunEvent e = new RunEvent();
            if (e.isEnabled()) {
                e.begin();
                return e;
            }
        }
        return null;
    }

    public static void runClosed(BudgetManager run, Object jfrEvent) {
        BudgetUsage u = run.usage();
        if (RUN_LOG.isLoggable(Level.INFO)) {
            RUN_LOG.log(Level.INFO, "run {0} closed ({1}{2}): {3}; left: {4}{5}", run.id(), run.origin(),
                    run.budget().profile().map(p -> ", profile " + p).orElse(""), u, run.remaining(),
                    run.exhaustedBy().map(l -> "; exhausted by " + l).orElse(""));
        }
        if (jfrEvent instanceof RunEvent) {
            RunEvent e = (RunEvent) jfrEvent;
            e.end();
            e.runId = run.id();
            e.origin = run.origin();
            e.profile = run.budget().profile().orElse(null);
            e.steps = u.steps();
            e.tokens = u.tokens();
            e.exhaustedBy = run.exhaustedBy().map(Enum::name).orElse(null);
            e.commit();
        }
        each(l -> l.runClosed(run));
    }

    /** Whether steps are logged now (asked when a run opens; steps of that run follow it). */
    public static boolean stepLogging() {
        return STEP_LOG.isLoggable(Level.DEBUG);
    }

    /** Reports one recorded call. Cheap when nobody listens. */
    public static void stepRecorded(BudgetManager run, boolean log, String kind, String method, String model,
                                    long tokens, Throwable failure) {
        BudgetListener[] ls = listeners;
        boolean jfr = JFR && JfrRecording.running();
        if (ls.length == 0 && !log && !jfr) {
            return;
        }
        BudgetUsage u = run.usage();
        if (log) {
            STEP_LOG.log(Level.DEBUG, "run {0} step {1}: {2} {3}{4} tokens={5}{6} elapsed={7}s; left: {8}",
                    run.id(), u.steps(), kind, method, model.isEmpty() ? "" : " model=" + model, tokens,
                    failure == null ? "" : " failed=" + failure.getClass().getName(),
                    String.format(java.util.Locale.ROOT, "%.3f", u.seconds()), run.remaining());
        }
        if (jfr && CALL_EVENTS.isEnabled()) {
            CallEvent e = new CallEvent();
            e.runId = run.id();
            e.kind = kind;
            e.method = method;
            e.model = model;
            e.tokens = tokens;
            e.runSteps = u.steps();
            e.runTokens = u.tokens();
            e.failed = failure != null;
            e.commit();
        }
        if (ls.length != 0) {
            StepRecord record = new StepRecord(run.id(), u.steps(), kind, method, model, tokens, failure != null, u);
            each(l -> l.stepRecorded(record));
        }
    }

    public static void refused(BudgetManager run, String method, BudgetExhaustedException refusal) {
        if (RUN_LOG.isLoggable(Level.INFO)) {
            RUN_LOG.log(Level.INFO, refusal.getMessage());
        }
        if (JFR && JfrRecording.running()) {
            RefusalEvent e = new RefusalEvent();
            e.runId = run == null ? -1 : run.id();
            e.limit = refusal.limit().name();
            e.method = method;
            e.message = refusal.getMessage();
            e.commit();
        }
        if (run != null) {
            each(l -> l.callRefused(run, refusal));
        }
    }

    public static void timeLimitReached(BudgetManager run) {
        if (RUN_LOG.isLoggable(Level.DEBUG)) {
            RUN_LOG.log(Level.DEBUG, "run {0}: time limit reached", run.id());
        }
        each(l -> l.timeLimitReached(run));
    }

    /** A call made outside any run: allowed (unless configured otherwise), logged at DEBUG. */
    public static void outsideRun(String kind, String method) {
        if (STEP_LOG.isLoggable(Level.DEBUG)) {
            STEP_LOG.log(Level.DEBUG, "{0} call {1} outside any run", kind, method);
        }
    }

    /** Reports a failure of budget4j itself; the application's call goes on unbudgeted. */
    public static void internalError(String what, Throwable error) {
        LOG.log(Level.WARNING, "budget4j: " + what + " (the call goes on unbudgeted)", error);
    }

    private static void each(Consumer<BudgetListener> call) {
        for (BudgetListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "budget4j: listener " + l.getClass().getName() + " threw; skipped", e);
            }
        }
    }

    private static boolean jfrAvailable() {
        try {
            return ModuleLayer.boot().findModule("jdk.jfr").isPresent();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.DEBUG, "budget4j: JFR events are off", e);
            return false;
        }
    }
}
