package io.budget4j.internal;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a {@code @Budgeted} method's fallback when its class is woven, the way Resilience4j finds
 * a fallbackMethod: same name; the same parameters, optionally followed by a
 * {@code BudgetExhaustedException} (or a supertype of it; the closest wins); private allowed; a
 * return type the budgeted method can return. A fallback that does not fit is reported with what
 * was expected.
 */
public final class FallbackResolver {
    private static final String EXHAUSTED = "io.budget4j.BudgetExhaustedException";
    private static final List<String> EXCEPTION_TYPES = List.of(EXHAUSTED, "java.lang.RuntimeException",
            "java.lang.Exception", "java.lang.Throwable");

    private FallbackResolver() {
    }

    /** Thrown when no method fits; the message says what was expected. */
    public static final class NoFallbackException extends Exception {
        private static final long serialVersionUID = 1L;

        NoFallbackException(String message) {
            super(message);
        }
    }

    public static Fallback resolve(TypeDescription type, MethodDescription budgeted, String name) throws NoFallbackException {
        List<String> params = new ArrayList<>();
        for (TypeDescription p : budgeted.getParameters().asTypeList().asErasures()) {
            params.add(p.getName());
        }
        TypeDescription returnType = budgeted.getReturnType().asErasure();
        List<String> seen = new ArrayList<>();
        // The closest exception type wins; a fallback without the exception comes last.
        for (int rank = 0; rank <= EXCEPTION_TYPES.size(); rank++) {
            for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
                for (MethodDescription m : t.getDeclaredMethods()) {
                    if (!m.isMethod() || !m.getName().equals(name)) {
                        continue;
                    }
                    if (rank == 0) {
                        seen.add(describe(m));
                    }
                    if (fits(m, params, returnType, budgeted.isStatic(),
                            rank < EXCEPTION_TYPES.size() ? EXCEPTION_TYPES.get(rank) : null)) {
                        return new Fallback(name, params.toArray(new String[0]), rank < EXCEPTION_TYPES.size());
                    }
                }
            }
        }
        String shown = String.join(", ", params);
        String ret = returnType.getName();
        throw new NoFallbackException("@Budgeted(fallback = \"" + name + "\") on " + type.getName() + "#"
                + budgeted.getName() + "(" + shown + "): no method of " + type.getName()
                + " or its superclasses fits. Expected " + (budgeted.isStatic() ? "static " : "") + ret + " " + name
                + "(" + shown + ") or " + ret + " " + name + "(" + shown + (shown.isEmpty() ? "" : ", ")
                + "BudgetExhaustedException)" + (seen.isEmpty() ? "; there is no method named '" + name + "'"
                : "; found " + String.join(", ", seen)));
    }

    private static boolean fits(MethodDescription m, List<String> params, TypeDescription returnType,
                                boolean budgetedIsStatic, String exceptionType) {
        if (budgetedIsStatic && !m.isStatic()) {
            return false;
        }
        List<TypeDescription> types = m.getParameters().asTypeList().asErasures();
        int expected = params.size() + (exceptionType == null ? 0 : 1);
        if (types.size() != expected) {
            return false;
        }
        for (int i = 0; i < params.size(); i++) {
            if (!types.get(i).getName().equals(params.get(i))) {
                return false;
            }
        }
        if (exceptionType != null && !types.get(expected - 1).getName().equals(exceptionType)) {
            return false;
        }
        TypeDescription r = m.getReturnType().asErasure();
        if (returnType.represents(void.class)) {
            return true;
        }
        return returnType.isPrimitive() ? r.equals(returnType) : !r.isPrimitive() && r.isAssignableTo(returnType)
                || r.isPrimitive() && !r.represents(void.class) && returnType.getName().equals("java.lang.Object");
    }

    private static String describe(MethodDescription m) {
        List<String> names = new ArrayList<>();
        for (TypeDescription p : m.getParameters().asTypeList().asErasures()) {
            names.add(p.getName());
        }
        return m.getReturnType().asErasure().getName() + " " + m.getName() + "(" + String.join(", ", names) + ")";
    }
}
