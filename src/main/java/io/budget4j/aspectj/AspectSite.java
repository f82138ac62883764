package io.budget4j.aspectj;

import io.budget4j.Budgeted;
import io.budget4j.ModelCall;
import io.budget4j.RunBudget;
import io.budget4j.internal.BudgetResolver;
import io.budget4j.internal.Engine;
import io.budget4j.internal.Fallback;
import io.budget4j.internal.FallbackResolver;
import io.budget4j.internal.Observers;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the aspect knows about one annotated method, resolved on its first call and cached: the
 * same resolution the agent does when it weaves (profile, attributes, defaults, fallback).
 */
final class AspectSite {
    private static final ConcurrentHashMap<Method, AspectSite> SITES = new ConcurrentHashMap<>();

    final String label;
    final Class<?> owner;
    final RunBudget budget;
    final Fallback fallback;
    final String model;
    final long reserveTokens;
    private final int tenantIndex;

    private AspectSite(Method method) {
        this.owner = method.getDeclaringClass();
        this.label = owner.getName() + "#" + method.getName();
        Budgeted b = method.getAnnotation(Budgeted.class);
        ModelCall m = method.getAnnotation(ModelCall.class);
        this.model = m == null ? "" : m.model();
        this.reserveTokens = m == null ? 0 : m.reserveTokens();
        if (b != null) {
            this.budget = BudgetResolver.resolve(Engine.config(), label, b.profile(), b.maxSteps(), b.maxTokens(),
                    b.maxSeconds(), b.maxNestedToolCalls());
            this.fallback = b.fallback().isEmpty() ? null : fallback(method, b.fallback());
        } else {
            this.budget = null;
            this.fallback = null;
        }
        this.tenantIndex = tenantIndex(method);
    }

    static AspectSite of(Method method) {
        return SITES.computeIfAbsent(method, AspectSite::new);
    }

    Object tenant(Object[] args) {
        return tenantIndex < 0 || tenantIndex >= args.length ? null : args[tenantIndex];
    }

    private static Fallback fallback(Method method, String name) {
        try {
            return FallbackResolver.resolve(TypeDescription.ForLoadedType.of(method.getDeclaringClass()),
                    new MethodDescription.ForLoadedMethod(method), name);
        } catch (FallbackResolver.NoFallbackException e) {
            Observers.internalError(e.getMessage() + "; the run is budgeted without a fallback", e);
            return null;
        }
    }

    private static int tenantIndex(Method method) {
        Annotation[][] params = method.getParameterAnnotations();
        for (int i = 0; i < params.length; i++) {
            for (Annotation a : params[i]) {
                if (a.annotationType().getName().equals("io.budget4j.TenantId")) {
                    return i;
                }
            }
        }
        return -1;
    }
}
