package io.budget4j.agent;

import io.budget4j.BudgetScope;
import net.bytebuddy.asm.Advice;

/** Woven into a {@code @Budgeted} method without fallback: opens the run, closes it on the way out. */
final class BudgetedAdvice {
    private BudgetedAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@SiteId int site, @TenantArg Object tenant, @Advice.Local("budget4jScope") BudgetScope scope) {
        scope = Dispatch.openRun(site, tenant);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Local("budget4jScope") BudgetScope scope) {
        Dispatch.closeRun(scope);
    }
}
