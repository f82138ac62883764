package io.budget4j.tokens;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds callable handles to public no-argument getters of classes we know only at run time.
 *
 * <p>Response classes are often non-public implementations of public interfaces, or live in
 * modules that do not open their packages. So the getter is looked up, in order, on a public class
 * or interface of the hierarchy through the public lookup, else made accessible by reflection.
 * Works from {@code Class} objects only: our own class loader (perhaps the bootstrap one, when
 * the agent sits on the boot class path) need not see the class by name.
 */
final class Accessors {
    private Accessors() {
    }

    /**
     * A handle of type {@code (declaring type) -> return type} to the public, non-static,
     * no-argument method {@code name} of {@code type}, or null when there is none or none is
     * accessible to us.
     */
    static MethodHandle find(Class<?> type, String name) {
        Method method;
        try {
            method = type.getMethod(name);
        } catch (NoSuchMethodException | SecurityException | LinkageError e) {
            return null;
        }
        if (Modifier.isStatic(method.getModifiers()) || method.getReturnType() == void.class) {
            return null;
        }
        MethodHandle viaPublicType = throughPublicType(type, name);
        if (viaPublicType != null) {
            return viaPublicType;
        }
        try {
            if (method.trySetAccessible()) {
                return MethodHandles.lookup().unreflect(method);
            }
        } catch (IllegalAccessException | SecurityException | LinkageError e) {
            // not accessible after all: the class reports nothing through this getter
        }
        return null;
    }

    /** The first public, exported class or interface of the hierarchy through which {@code name} is callable. */
    private static MethodHandle throughPublicType(Class<?> type, String name) {
        ArrayDeque<Class<?>> queue = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            Class<?> t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            MethodHandle h = publicHandle(t, name);
            if (h != null) {
                return h;
            }
            if (t.getSuperclass() != null) {
                queue.add(t.getSuperclass());
            }
            for (Class<?> i : t.getInterfaces()) {
                queue.add(i);
            }
        }
        return null;
    }

    private static MethodHandle publicHandle(Class<?> t, String name) {
        if (!Modifier.isPublic(t.getModifiers()) || !t.getModule().isExported(t.getPackageName())) {
            return null;
        }
        try {
            Method m = t.getMethod(name);
            if (Modifier.isStatic(m.getModifiers())) {
                return null;
            }
            // findVirtual with t as the referring class: also works for a public method t
            // inherits from a non-public superclass, where unreflect would refuse.
            return MethodHandles.publicLookup().findVirtual(t, name, MethodType.methodType(m.getReturnType()));
        } catch (NoSuchMethodException | IllegalAccessException | SecurityException | LinkageError e) {
            return null;
        }
    }
}
