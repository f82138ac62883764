package io.budget4j.internal;

import io.budget4j.BudgetExhaustedException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * The fallback of one {@code @Budgeted} method, checked when its class was woven and resolved to a
 * {@link Method} on first use (only exhausted runs ever pay for it).
 */
public final class Fallback {
    private final String name;
    private final String[] parameterTypes;
    private final boolean takesException;
    private volatile Method method;

    public Fallback(String name, String[] parameterTypes, boolean takesException) {
        this.name = name;
        this.parameterTypes = parameterTypes;
        this.takesException = takesException;
    }

    /** The fallback's answer for a run that ended in {@code exhausted}; never throws. */
    public FallbackOutcome call(Class<?> owner, Object self, Object[] args, BudgetExhaustedException exhausted) {
        try {
            return invoke(owner, self, args, exhausted);
        } catch (Exception | LinkageError e) {
            Observers.internalError("fallback '" + name + "' of " + owner.getName() + " could not be called", e);
            return new FallbackOutcome(null, exhausted);
        }
    }

    private FallbackOutcome invoke(Class<?> owner, Object self, Object[] args, BudgetExhaustedException exhausted)
            throws Exception {
        Method m = method;
        if (m == null) {
            m = find(self != null ? self.getClass() : owner);
            m.setAccessible(true);
            method = m;
        }
        Object[] callArgs = args;
        if (takesException) {
            callArgs = Arrays.copyOf(args, args.length + 1);
            callArgs[args.length] = exhausted;
        }
        try {
            return new FallbackOutcome(m.invoke(Modifier.isStatic(m.getModifiers()) ? null : self, callArgs), null);
        } catch (InvocationTargetException e) {
            return new FallbackOutcome(null, e.getCause());
        }
    }

    private Method find(Class<?> type) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && fits(m.getParameterTypes())) {
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + Arrays.toString(parameterTypes));
    }

    private boolean fits(Class<?>[] types) {
        int expected = parameterTypes.length + (takesException ? 1 : 0);
        if (types.length != expected) {
            return false;
        }
        for (int i = 0; i < parameterTypes.length; i++) {
            if (!types[i].getName().equals(parameterTypes[i])) {
                return false;
            }
        }
        return !takesException || types[expected - 1].isAssignableFrom(BudgetExhaustedException.class);
    }
}
