package io.budget4j.agent;

import io.budget4j.BudgetExhaustedException;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Woven into a model call whose return type may report no usage: it also reads the arguments, so
 * the prompt can be counted when the response says nothing.
 */
final class CountingModelCallAdvice {
    private CountingModelCallAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static BudgetExhaustedException enter(@SiteId int site, @Advice.Local("budget4jCall") Object call) {
        call = Dispatch.modelCall();
        return Dispatch.enterModel(site, call);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@SiteId int site, @Advice.Enter BudgetExhaustedException refused,
                     @Advice.Local("budget4jCall") Object call,
                     @Advice.AllArguments Object[] args,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
                     @Advice.Thrown(readOnly = false, typing = Assigner.Typing.DYNAMIC) Throwable thrown) {
        if (refused != null) {
            thrown = refused;
        } else {
            Dispatch.exitModelCounting(site, call, args, returned, thrown);
        }
    }
}
