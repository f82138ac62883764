package io.budget4j.integrations;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a library's objects without linking against the library: no-argument getters by name,
 * found once per class. Never throws; a getter that is missing or fails reads as null.
 */
public final class Reflect {
    private static final Method MISSING;

    static {
        try {
            MISSING = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ClassValue<Map<String, Method>> GETTERS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private Reflect() {
    }

    /** {@code target.name()}, with an {@code Optional} result unwrapped; null when not there. */
    public static Object get(Object target, String name) {
        if (target == null) {
            return null;
        }
        Method m = GETTERS.get(target.getClass()).computeIfAbsent(name, n -> find(target.getClass(), n));
        if (m == MISSING) {
            return null;
        }
        try {
            Object value = m.invoke(target);
            return value instanceof Optional ? ((Optional<?>) value).orElse(null) : value;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The first of the getters that gives a value, followed in a chain: {@code path("a", "b")} is {@code a().b()}. */
    public static Object path(Object target, String... names) {
        Object v = target;
        for (String n : names) {
            v = get(v, n);
            if (v == null) {
                return null;
            }
        }
        return v;
    }

    /** A getter's value as a number, or -1. */
    public static long number(Object target, String... path) {
        Object v = path(target, path);
        return v instanceof Number ? ((Number) v).longValue() : -1;
    }

    /** A getter's value as text ({@code asString()} for SDK enums-as-classes), or null. */
    public static String text(Object target, String... path) {
        Object v = path(target, path);
        if (v == null) {
            return null;
        }
        if (v instanceof CharSequence) {
            return v.toString();
        }
        Object s = get(v, "asString");
        return s instanceof String ? (String) s : v.toString();
    }

    private static Method find(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            try {
                m.setAccessible(true);
            } catch (RuntimeException notOpen) {
                // public method of an exported type: callable as it is
            }
            return m;
        } catch (NoSuchMethodException | RuntimeException e) {
            return MISSING;
        }
    }
}
