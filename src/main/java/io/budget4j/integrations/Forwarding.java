package io.budget4j.integrations;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** What the integrations' proxies share: passing a call on to the object they stand in for. */
final class Forwarding {
    private Forwarding() {
    }

    /** {@code method} on {@code target}; what it throws is thrown unchanged. */
    static Object forward(Object target, Method method, Object[] args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    /** A method of {@code Object} on a proxy: identity for equals and hashCode, the rest from the delegate. */
    static Object objectMethod(Object proxy, Object delegate, Method method, Object[] args) throws Exception {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return forward(delegate, method, args);
        }
    }
}
