package io.budget4j.agent;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;
import net.bytebuddy.pool.TypePool;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.util.HashMap;
import java.util.Map;

/**
 * The advice classes, read once: weaving a method binds its call-site id as a constant and
 * reuses the parsed advice, so weaving costs little per method.
 */
final class Advices {
    private final Map<Class<?>, TypeDescription> types = new HashMap<>();
    private final Advice.ExceptionHandler logFailures;

    Advices() {
        // Described from their class files, not by reflection: cheaper at start-up.
        TypePool pool = TypePool.Default.of(OwnClassFiles.INSTANCE);
        for (Class<?> c : new Class<?>[]{ModelCallAdvice.class, CountingModelCallAdvice.class, ToolCallAdvice.class,
                BudgetedAdvice.class, FallbackBudgetedAdvice.class, AdaptedModelCallAdvice.class}) {
            types.put(c, pool.describe(c.getName()).resolve());
        }
        MethodDescription adviceFailed = pool.describe(Dispatch.class.getName()).resolve().getDeclaredMethods()
                .filter(named("adviceFailed")).getOnly();
        logFailures = new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(adviceFailed));
    }

    Advice.WithCustomMapping mapping(int siteId) {
        return Advice.withCustomMapping().bind(SiteId.class, siteId);
    }

    Advice modelCall(Advice.WithCustomMapping m) {
        return make(m, ModelCallAdvice.class);
    }

    Advice countingModelCall(Advice.WithCustomMapping m) {
        return make(m, CountingModelCallAdvice.class);
    }

    Advice adaptedModelCall(Advice.WithCustomMapping m) {
        return make(m, AdaptedModelCallAdvice.class);
    }

    Advice toolCall(Advice.WithCustomMapping m) {
        return make(m, ToolCallAdvice.class);
    }

    Advice budgeted(Advice.WithCustomMapping m) {
        return make(m, BudgetedAdvice.class);
    }

    Advice fallbackBudgeted(Advice.WithCustomMapping m) {
        return make(m, FallbackBudgetedAdvice.class);
    }

    private Advice make(Advice.WithCustomMapping m, Class<?> adviceClass) {
        return m.to(types.get(adviceClass), OwnClassFiles.INSTANCE).withExceptionHandler(logFailures);
    }

    /** Binds a parameter of the woven method, boxed if primitive. */
    static Advice.OffsetMapping argument(ParameterDescription p) {
        return new Advice.OffsetMapping.ForStackManipulation(MethodVariableAccess.load(p), p.getType(),
                TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class), Assigner.Typing.DYNAMIC);
    }

    static Advice.OffsetMapping nullValue() {
        return new Advice.OffsetMapping.ForStackManipulation(NullConstant.INSTANCE,
                TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class),
                TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class), Assigner.Typing.STATIC);
    }

}
