package io.budget4j.it.apps;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetUsage;
import io.budget4j.Budgeted;
import io.budget4j.ModelCall;
import io.budget4j.ToolCall;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** An ordinary annotated agent, woven by the agent attached to the test JVM. */
public class Assistant {
    /** How many times each body really ran. */
    public final AtomicInteger modelBodies = new AtomicInteger();
    public final AtomicInteger toolBodies = new AtomicInteger();

    @ModelCall(model = "gpt-4o-mini")
    public Reply complete(String prompt) {
        modelBodies.incrementAndGet();
        return Reply.of("ok: " + prompt, 10, 5);
    }

    @ModelCall(model = "gpt-4o")
    public String completeText(String prompt) {
        modelBodies.incrementAndGet();
        return "The answer is forty-two.";
    }

    @ModelCall(model = "gpt-4o-mini")
    public Reply failing(String prompt) {
        modelBodies.incrementAndGet();
        throw new IllegalStateException("model is down");
    }

    @ToolCall(name = "search")
    public String search(String query) {
        toolBodies.incrementAndGet();
        return "results for " + query;
    }

    /** A tool that calls itself {@code depth - 1} more times: nesting {@code depth} deep. */
    @ToolCall
    public String nested(int depth) {
        toolBodies.incrementAndGet();
        return depth <= 1 ? "leaf" : nested(depth - 1);
    }

    @Budgeted(maxSteps = 3)
    public List<String> loop(int calls) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            out.add(complete("step " + i).text());
        }
        return out;
    }

    @Budgeted(maxTokens = 40)
    public BudgetUsage spendTokens(int calls) {
        for (int i = 0; i < calls; i++) {
            complete("step " + i);
        }
        return BudgetContext.current().orElseThrow().usage();
    }

    @Budgeted(maxNestedToolCalls = 2)
    public String nest(int depth) {
        return nested(depth);
    }

    @Budgeted
    public BudgetUsage useInRun(Runnable work) {
        work.run();
        return BudgetContext.current().orElseThrow().usage();
    }

    @Budgeted(maxSteps = 2, fallback = "politely")
    public String answer(String question) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(complete(question).text());
        }
        return sb.toString();
    }

    String politely(String question, BudgetExhaustedException e) {
        return "partial answer to '" + question + "' (" + e.limit() + ")";
    }

    @Budgeted(maxSteps = 1, fallback = "simply")
    public int count(String question) {
        complete(question);
        complete(question);
        return 1;
    }

    private int simply(String question) {
        return -1;
    }

    @Budgeted(maxSeconds = 0.05)
    public String outlive(CountDownLatch timeUp) throws InterruptedException {
        complete("before");
        timeUp.await();
        complete("after");
        return "unreachable";
    }

    @Budgeted(profile = "quick_answer")
    public int quickAnswer(int calls) {
        for (int i = 0; i < calls; i++) {
            search("q" + i);
        }
        return calls;
    }

    @Budgeted
    public int withDefaults(int calls) {
        for (int i = 0; i < calls; i++) {
            search("q" + i);
        }
        return calls;
    }

    @Budgeted(maxSteps = 5)
    public String throwsAfter(int calls) {
        for (int i = 0; i < calls; i++) {
            search("q" + i);
        }
        throw new IllegalArgumentException("the agent gave up");
    }

    @Budgeted(maxSteps = 10)
    public String outer() {
        search("outer");
        return inner();
    }

    @Budgeted(maxSteps = 10)
    public String inner() {
        search("inner");
        return BudgetContext.current().orElseThrow().usage().steps() + "";
    }
}
