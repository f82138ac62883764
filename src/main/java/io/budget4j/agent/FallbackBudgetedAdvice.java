package io.budget4j.agent;

import io.budget4j.internal.FallbackOutcome;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetScope;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Woven into a {@code @Budgeted} method with a fallback: as {@link BudgetedAdvice}, and when the
 * method ends in {@link BudgetExhaustedException} its fallback's answer is returned instead.
 */
final class FallbackBudgetedAdvice {
    private FallbackBudgetedAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@SiteId int site, @TenantArg Object tenant, @Advice.Local("budget4jScope") BudgetScope scope) {
        scope = Dispatch.openRun(site, tenant);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@SiteId int site, @Advice.Local("budget4jScope") BudgetScope scope,
                     @Advice.Origin Class<?> owner, @Advice.This(optional = true) Object self,
                     @Advice.AllArguments Object[] args,
                     @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
                     @Advice.Thrown(readOnly = false, typing = Assigner.Typing.DYNAMIC) Throwable thrown) {
        Dispatch.closeRun(scope);
        if (scope != null && thrown instanceof BudgetExhaustedException) {
            FallbackOutcome outcome = Dispatch.fallback(site, owner, self, args, (BudgetExhaustedException) thrown);
            if (outcome.thrown == null) {
                returned = outcome.value;
            }
            thrown = outcome.thrown;
        }
    }
}
