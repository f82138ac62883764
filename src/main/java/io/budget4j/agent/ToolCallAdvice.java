package io.budget4j.agent;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetManager;
import io.budget4j.internal.Frames;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Woven into a tool call: checked before (steps, nesting), recorded after. */
final class ToolCallAdvice {
    private ToolCallAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static BudgetExhaustedException enter(@SiteId int site, @Advice.Local("budget4jRun") BudgetManager run) {
        run = Frames.currentRun();
        BudgetExhaustedException refused = Dispatch.enterTool(site, run);
        if (refused != null) {
            run = null;
        }
        return refused;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@SiteId int site, @Advice.Enter BudgetExhaustedException refused,
                     @Advice.Local("budget4jRun") BudgetManager run,
                     @Advice.Thrown(readOnly = false, typing = Assigner.Typing.DYNAMIC) Throwable thrown) {
        if (refused != null) {
            thrown = refused;
        } else {
            Dispatch.exitTool(site, run, thrown);
        }
    }
}
