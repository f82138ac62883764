package io.budget4j.aspectj;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetManager;
import io.budget4j.BudgetScope;
import io.budget4j.Budgeted;
import io.budget4j.ModelCall;
import io.budget4j.ToolCall;
import io.budget4j.internal.Calls;
import io.budget4j.internal.FallbackOutcome;
import io.budget4j.internal.Frames;
import io.budget4j.tokens.TextTokens;
import io.budget4j.tokens.UsageReader;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;

import java.lang.reflect.Method;

/**
 * The agent's enforcement as an {@code @Aspect}, for applications that use Spring AOP or AspectJ
 * weaving instead of a javaagent: the same engine, the same semantics ({@code @Budgeted} opens a
 * run, {@code @ModelCall}/{@code @ToolCall} are checked before and recorded after, fallbacks on
 * exhaustion). Register it as a bean ({@code @Bean BudgetAspect budgetAspect()}) or in
 * {@code aop.xml}.
 *
 * <p>Spring AOP only sees calls made through its proxies: a method calling another annotated
 * method of the same object is not intercepted (AspectJ weaving has no such limit).
 */
@Aspect
public class BudgetAspect {

    @Around("execution(* *(..)) && @annotation(budgeted)")
    public Object budgeted(ProceedingJoinPoint call, Budgeted budgeted) throws Throwable {
        AspectSite site = AspectSite.of(method(call));
        BudgetScope scope = BudgetContext.open(site.budget, site.label);
        Object tenant = site.tenant(call.getArgs());
        if (tenant != null) {
            Frames.frameForUpdate().tenant = tenant.toString();
        }
        try {
            return call.proceed();
        } catch (BudgetExhaustedException e) {
            if (site.fallback == null) {
                throw e;
            }
            scope.close();
            FallbackOutcome outcome = site.fallback.call(site.owner, call.getTarget(), call.getArgs(), e);
            if (outcome.thrown != null) {
                throw outcome.thrown;
            }
            return outcome.value;
        } finally {
            scope.close();
        }
    }

    @Around("execution(* *(..)) && @annotation(modelCall)")
    public Object modelCall(ProceedingJoinPoint call, ModelCall modelCall) throws Throwable {
        AspectSite site = AspectSite.of(method(call));
        Object state = Calls.beginModel();
        BudgetExhaustedException refused = Calls.enterModel(state, site.label, site.model, site.reserveTokens);
        if (refused != null) {
            throw refused;
        }
        Object result = null;
        Throwable thrown = null;
        try {
            result = call.proceed();
            return result;
        } catch (Throwable t) {
            thrown = t;
            throw t;
        } finally {
            if (Calls.recordsModelCall(state)) {
                long tokens = thrown == null ? UsageReader.tokensOf(result) : -1;
                if (tokens < 0) {
                    tokens = TextTokens.promptTokens(call.getArgs(), site.model)
                            + (thrown == null ? TextTokens.completionTokens(result, site.model) : 0);
                }
                Calls.exitModel(state, site.label, site.model, site.reserveTokens, tokens, thrown);
            }
        }
    }

    @Around("execution(* *(..)) && @annotation(toolCall)")
    public Object toolCall(ProceedingJoinPoint call, ToolCall toolCall) throws Throwable {
        AspectSite site = AspectSite.of(method(call));
        BudgetManager run = Frames.currentRun();
        BudgetExhaustedException refused = Calls.enterTool(run, site.label);
        if (refused != null) {
            throw refused;
        }
        Throwable thrown = null;
        try {
            return call.proceed();
        } catch (Throwable t) {
            thrown = t;
            throw t;
        } finally {
            Calls.exitTool(run, site.label, thrown);
        }
    }

    private static Method method(ProceedingJoinPoint call) {
        return ((MethodSignature) call.getSignature()).getMethod();
    }
}
