package io.budget4j;

import io.budget4j.internal.DeadlineTimer;
import io.budget4j.internal.Frames;
import io.budget4j.internal.Observers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live accounting of one run: every call is checked before it is made and recorded after it
 * returns. Counters are updated atomically, so a run touched from many threads stays exact: with
 * k steps left and more than k concurrent calls, exactly k are allowed.
 *
 * <p>A run opened inside another (a {@code @Budgeted} method called inside a run, or a nested
 * {@link BudgetContext#open}) is a child: each call counts in the child and in every ancestor,
 * and is refused when any of them has run out, naming the limit of the run that ran out.
 *
 * <p>The wall-time limit is enforced by a timer that marks the run expired when its deadline
 * passes, so checks never read the clock.
 */
public final class BudgetManager {
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle STEPS;
    private static final VarHandle COMMITTED;
    private static final VarHandle HELD;
    private static final VarHandle TOOL_CALLS;
    private static final VarHandle CLOSED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STEPS = l.findVarHandle(BudgetManager.class, "steps", int.class);
            COMMITTED = l.findVarHandle(BudgetManager.class, "committed", long.class);
            HELD = l.findVarHandle(BudgetManager.class, "held", long.class);
            TOOL_CALLS = l.findVarHandle(BudgetManager.class, "toolCalls", int.class);
            CLOSED = l.findVarHandle(BudgetManager.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long id;
    private final RunBudget budget;
    private final BudgetManager parent;
    private final String origin;
    private final long startNanos;
    private final int maxSteps;
    private final long maxTokens;
    /** The tightest nesting limit of this run and its ancestors. */
    private final int maxDepth;
    private final DeadlineTimer.Cancellable deadline;
    private final Object jfrEvent;
    /** Whether steps are logged, decided when the run opens: the per-step check costs nothing. */
    private final boolean logSteps;

    private volatile int steps;
    /**
     * Tokens spent plus tokens held by calls in flight: the one number every token decision
     * reads and changes atomically, so checks and holds stay exact under concurrency.
     */
    private volatile long committed;
    /** Tokens held by calls in flight; spent tokens are {@code committed - held}. */
    private volatile long held;
    private volatile int toolCalls;
    private volatile boolean timeUp;
    private volatile boolean closed;
    private volatile long endNanos;
    private volatile Limit exhaustedBy;

    /**
     * Starts accounting a run with {@code budget}, as the seed's {@code BudgetManager(budget)}. The
     * clock starts now. The run is not bound to any thread; see {@link BudgetContext#open} for that.
     */
    public BudgetManager(RunBudget budget) {
        this(budget, null, "BudgetManager", DeadlineTimer.shared());
    }

    BudgetManager(RunBudget budget, BudgetManager parent, String origin, DeadlineTimer timer) {
        this.id = IDS.incrementAndGet();
        this.budget = java.util.Objects.requireNonNull(budget, "budget");
        this.parent = parent;
        this.origin = origin;
        this.maxSteps = budget.rawMaxSteps();
        this.maxTokens = budget.rawMaxTokens();
        this.maxDepth = parent == null ? budget.rawMaxNestedToolCalls()
                : Math.min(budget.rawMaxNestedToolCalls(), parent.maxDepth);
        this.startNanos = System.nanoTime();
        double seconds = budget.rawMaxSeconds();
        this.deadline = Double.isInfinite(seconds) ? null
                : timer.schedule(this::deadlinePassed, RunBudget.secondsToDuration(seconds).toNanos());
        this.jfrEvent = Observers.beginRunEvent();
        this.logSteps = Observers.stepLogging();
        Observers.runOpened(this);
    }

    // ---------------------------------------------------------------- programmatic check/record

    /** Checks a model call before it is made, and counts it as a step. */
    public void beforeModelCall() {
        throwIfRefused(tryModelCall("model call", 0));
    }

    /** Records a model call's tokens after it returned. */
    public void afterModelCall(long tokensUsed) {
        recordModelCall("model call", "", tokensUsed, 0, null);
    }

    /**
     * Checks a tool call before it is made, and counts it as a step. When this run is the current
     * run of this thread, the call is nested inside the thread's open tool calls.
     */
    public void beforeToolCall() {
        int depth = Frames.enterTool(this);
        BudgetExhaustedException refused = tryToolCall("tool call", depth);
        if (refused != null) {
            Frames.exitTool(this);
            throw refused;
        }
    }

    /** Records the end of a tool call begun with {@link #beforeToolCall()}. */
    public void afterToolCall() {
        Frames.exitTool(this);
        recordToolCall("tool call", null);
    }

    private static void throwIfRefused(BudgetExhaustedException refused) {
        if (refused != null) {
            throw refused;
        }
    }

    // ---------------------------------------------------------------- the engine (adapters)

    /**
     * Checks a model call and, when it is allowed, counts it as a step and holds
     * {@code reserveTokens} as in flight until {@link #recordModelCall} settles it. Allocates
     * nothing when the call is allowed.
     *
     * @return null when the call may go ahead, else the refusal to throw at the call site
     */
    public BudgetExhaustedException tryModelCall(String method, long reserveTokens) {
        for (BudgetManager r = this; r != null; r = r.parent) {
            Limit broken = r.brokenBeforeStep();
            if (broken != null) {
                return r.refuse(broken, method, 0);
            }
        }
        BudgetManager refusedBy = reserveStep();
        if (refusedBy != null) {
            return refusedBy.refuse(Limit.STEPS, method, 0);
        }
        if (reserveTokens > 0) {
            BudgetManager full = holdTokens(reserveTokens);
            if (full != null) {
                for (BudgetManager undo = this; undo != null; undo = undo.parent) {
                    STEPS.getAndAdd(undo, -1);
                }
                return full.refuse(Limit.TOKENS, method, 0);
            }
        }
        return null;
    }

    /** Holds tokens in this run and every ancestor, or none; returns the run that could not, or null. */
    private BudgetManager holdTokens(long amount) {
        BudgetManager r = this;
        while (r != null && r.tryHold(amount)) {
            r = r.parent;
        }
        if (r == null) {
            return null;
        }
        for (BudgetManager undo = this; undo != r; undo = undo.parent) {
            COMMITTED.getAndAdd(undo, -amount);
            HELD.getAndAdd(undo, -amount);
        }
        return r;
    }

    /** Holds tokens if they fit beside what is spent and held: exact under concurrency. */
    private boolean tryHold(long amount) {
        if (maxTokens == RunBudget.NO_LONG_LIMIT) {
            COMMITTED.getAndAdd(this, amount);
        } else {
            long c;
            do {
                c = committed;
                if (c + amount > maxTokens) {
                    return false;
                }
            } while (!COMMITTED.weakCompareAndSet(this, c, c + amount));
        }
        HELD.getAndAdd(this, amount);
        return true;
    }

    /** Records a model call allowed by {@link #tryModelCall}, also when it threw. */
    public void recordModelCall(String method, String model, long tokensUsed, long reservedTokens, Throwable failure) {
        long settled = tokensUsed - reservedTokens; // what was held becomes what was used
        for (BudgetManager r = this; r != null; r = r.parent) {
            if (settled != 0) {
                COMMITTED.getAndAdd(r, settled);
            }
            if (reservedTokens != 0) {
                HELD.getAndAdd(r, -reservedTokens);
            }
        }
        Observers.stepRecorded(this, logSteps, "model", method, model, tokensUsed, failure);
    }

    /**
     * Checks a tool call nested {@code depth} deep (1 for a tool call made by no other tool call)
     * and, when allowed, counts it as a step.
     *
     * @return null when the call may go ahead, else the refusal to throw at the call site
     */
    public BudgetExhaustedException tryToolCall(String method, int depth) {
        for (BudgetManager r = this; r != null; r = r.parent) {
            Limit broken = r.brokenBeforeStep();
            if (broken != null) {
                return r.refuse(broken, method, depth);
            }
        }
        if (depth > maxDepth) {
            BudgetManager r = this;
            while (r.budget.rawMaxNestedToolCalls() >= depth && r.parent != null) {
                r = r.parent;
            }
            return r.refuse(Limit.NESTED_TOOL_CALLS, method, depth);
        }
        BudgetManager refusedBy = reserveStep();
        if (refusedBy != null) {
            return refusedBy.refuse(Limit.STEPS, method, depth);
        }
        for (BudgetManager r = this; r != null; r = r.parent) {
            TOOL_CALLS.getAndAdd(r, 1);
        }
        return null;
    }

    /** Records a tool call allowed by {@link #tryToolCall}, also when it threw. */
    public void recordToolCall(String method, Throwable failure) {
        Observers.stepRecorded(this, logSteps, "tool", method, "", 0, failure);
    }

    private Limit brokenBeforeStep() {
        if (closed) {
            return Limit.RUN_CLOSED;
        }
        if (timeUp) {
            return Limit.TIME;
        }
        if (maxTokens != RunBudget.NO_LONG_LIMIT && committed >= maxTokens) {
            return Limit.TOKENS;
        }
        return null;
    }

    /** Counts a step in this run and every ancestor; returns the run that refused, or null. */
    private BudgetManager reserveStep() {
        BudgetManager r = this;
        while (r != null && r.tryIncrementSteps()) {
            r = r.parent;
        }
        if (r == null) {
            return null;
        }
        for (BudgetManager undo = this; undo != r; undo = undo.parent) {
            STEPS.getAndAdd(undo, -1);
        }
        return r;
    }

    private boolean tryIncrementSteps() {
        if (maxSteps == RunBudget.NO_INT_LIMIT) {
            STEPS.getAndAdd(this, 1);
            return true;
        }
        int s;
        do {
            s = steps;
            if (s >= maxSteps) {
                return false;
            }
        } while (!STEPS.weakCompareAndSet(this, s, s + 1));
        return true;
    }

    private BudgetExhaustedException refuse(Limit limit, String method, int depth) {
        if (exhaustedBy == null && limit != Limit.RUN_CLOSED) {
            exhaustedBy = limit;
        }
        BudgetExhaustedException e = new BudgetExhaustedException(limit, usage(), message(limit, method, depth));
        Observers.refused(this, method, e);
        return e;
    }

    private String message(Limit limit, String method, int depth) {
        BudgetUsage u = usage();
        String what;
        switch (limit) {
            case STEPS:
                what = "max_steps reached: " + u.steps() + " of " + maxSteps + " steps used";
                break;
            case TOKENS:
                what = "max_tokens reached: " + u.tokens() + " of " + maxTokens + " tokens used"
                        + (held > 0 ? " (" + held + " more held by calls in flight)" : "");
                break;
            case TIME:
                what = String.format(Locale.ROOT, "max_seconds reached: %.3f s elapsed of %s s allowed",
                        u.seconds(), budget.rawMaxSeconds());
                break;
            case NESTED_TOOL_CALLS:
                what = "max_nested_tool_calls reached: this tool call would be nested " + depth
                        + " deep, " + budget.rawMaxNestedToolCalls() + " allowed";
                break;
            case RUN_CLOSED:
                what = "the run had already closed when this late call arrived";
                break;
            default:
                what = limit.name();
        }
        StringBuilder m = new StringBuilder("Budget exhausted: ").append(what)
                .append("; the call to ").append(method).append(" was not made. Run ").append(id)
                .append(" (").append(origin);
        budget.profile().ifPresent(p -> m.append(", profile '").append(p).append('\''));
        m.append(") used ").append(u).append('.');
        if (!limit.yamlKey().isEmpty() && limit != Limit.RUN_CLOSED) {
            m.append(" To allow more, raise ");
            if (budget.profile().isPresent()) {
                m.append(limit.yamlKey()).append(" in profile '").append(budget.profile().get())
                        .append("' of the budgets YAML, or ");
            } else {
                m.append(limit.yamlKey()).append(" in the run's YAML profile, or ");
            }
            m.append("@Budgeted(").append(limit.attribute()).append(" = ...)");
            m.append(parent != null ? " on the enclosing run." : ".");
        }
        return m.toString();
    }

    private void deadlinePassed() {
        if (!closed) {
            timeUp = true;
            Observers.timeLimitReached(this);
        }
    }

    /** Closes the run: later calls through it are refused. Idempotent. */
    void close() {
        if (CLOSED.compareAndSet(this, false, true)) {
            endNanos = System.nanoTime();
            if (deadline != null) {
                deadline.cancel();
            }
            Observers.runClosed(this, jfrEvent);
        }
    }

    // ---------------------------------------------------------------- observation

    /** What the run has spent so far. */
    public BudgetUsage usage() {
        long end = closed ? endNanos : System.nanoTime();
        int s = steps;
        int t = toolCalls;
        return new BudgetUsage(s, Math.max(0, committed - held), Duration.ofNanos(Math.max(0, end - startNanos)), Math.max(0, s - t), t);
    }

    /** What the run has left of each limit, the tighter of its own and its ancestors'. */
    public BudgetRemaining remaining() {
        OptionalInt stepsLeft = OptionalInt.empty();
        OptionalLong tokensLeft = OptionalLong.empty();
        Optional<Duration> timeLeft = Optional.empty();
        for (BudgetManager r = this; r != null; r = r.parent) {
            if (r.maxSteps != RunBudget.NO_INT_LIMIT) {
                int left = Math.max(0, r.maxSteps - r.steps);
                stepsLeft = OptionalInt.of(stepsLeft.isPresent() ? Math.min(left, stepsLeft.getAsInt()) : left);
            }
            if (r.maxTokens != RunBudget.NO_LONG_LIMIT) {
                long left = Math.max(0, r.maxTokens - r.committed);
                tokensLeft = OptionalLong.of(tokensLeft.isPresent() ? Math.min(left, tokensLeft.getAsLong()) : left);
            }
            Optional<Duration> limit = r.budget.maxTime();
            if (limit.isPresent()) {
                Duration left = r.timeUp ? Duration.ZERO : limit.get().minus(r.usage().elapsed());
                left = left.isNegative() ? Duration.ZERO : left;
                timeLeft = Optional.of(timeLeft.isPresent() && timeLeft.get().compareTo(left) < 0 ? timeLeft.get() : left);
            }
        }
        OptionalInt depth = maxDepth == RunBudget.NO_INT_LIMIT ? OptionalInt.empty() : OptionalInt.of(maxDepth);
        return new BudgetRemaining(stepsLeft, tokensLeft, timeLeft, depth);
    }

    /** True once a limit of this run has refused a call, or its time is up. */
    public boolean isExhausted() {
        return exhaustedBy != null || timeUp;
    }

    /** The first limit of this run that refused a call, if any. */
    public Optional<Limit> exhaustedBy() {
        Limit l = exhaustedBy;
        return Optional.ofNullable(l == null && timeUp ? Limit.TIME : l);
    }

    public RunBudget budget() {
        return budget;
    }

    /** A number unique within this JVM, shown in logs and events. */
    public long id() {
        return id;
    }

    /** What opened the run: {@code Type#method} of a {@code @Budgeted} method, or a name given in code. */
    public String origin() {
        return origin;
    }

    /** The run this one was opened inside, if any. */
    public Optional<BudgetManager> parent() {
        return Optional.ofNullable(parent);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "BudgetManager{run " + id + " (" + origin + "), " + usage() + ", " + budget + '}';
    }
}
