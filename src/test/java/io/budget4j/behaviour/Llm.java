package io.budget4j.behaviour;

import io.budget4j.ModelCall;
import io.budget4j.ToolCall;
import io.budget4j.it.apps.Reply;

import java.util.concurrent.atomic.AtomicInteger;

/** Model and tool calls for the shared behaviour tests. Calls itself through {@link #self} so proxies see nesting. */
public class Llm {
    public final AtomicInteger modelBodies = new AtomicInteger();
    public final AtomicInteger toolBodies = new AtomicInteger();
    /** This object as callers see it: itself when woven by the agent, its proxy under Spring AOP. */
    public Llm self = this;

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

    @ModelCall
    public Reply failing(String prompt) {
        modelBodies.incrementAndGet();
        throw new IllegalStateException("model is down");
    }

    /** A model call that delegates to another: one request. */
    @ModelCall(model = "gpt-4o-mini")
    public Reply completeWithSystem(String system, String prompt) {
        return self.complete(system + " " + prompt);
    }

    @ToolCall
    public String search(String query) {
        toolBodies.incrementAndGet();
        return "results for " + query;
    }

    @ToolCall
    public String nested(int depth) {
        toolBodies.incrementAndGet();
        return depth <= 1 ? "leaf" : self.nested(depth - 1);
    }
}
