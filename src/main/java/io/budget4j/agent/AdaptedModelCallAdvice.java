package io.budget4j.agent;

import io.budget4j.BudgetExhaustedException;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Woven into a library's model call that has an adapter (built-in integrations): the adapter may
 * wrap arguments (a streaming handler) and the result (a stream, a future) so the call is
 * recorded when it really ends.
 */
final class AdaptedModelCallAdvice {
    private AdaptedModelCallAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static BudgetExhaustedException enter(@SiteId int site, @Advice.This(optional = true) Object self,
                                          @Advice.AllArguments(readOnly = false, typing = Assigner.Typing.DYNAMIC)
                                          Object[] args,
                                          @Advice.Local("budget4jCall") AdaptedCall call) {
        call = Dispatch.beginAdapted(site, self, args);
        args = call.arguments;
        return call.refusal;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@SiteId int site, @Advice.Enter BudgetExhaustedException refused,
                     @Advice.Local("budget4jCall") AdaptedCall call,
                     @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
                     @Advice.Thrown(readOnly = false, typing = Assigner.Typing.DYNAMIC) Throwable thrown) {
        if (refused != null) {
            thrown = refused;
        } else {
            returned = Dispatch.endAdapted(site, call, returned, thrown);
        }
    }
}
