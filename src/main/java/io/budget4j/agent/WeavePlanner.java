package io.budget4j.agent;

import io.budget4j.internal.Fallback;
import io.budget4j.internal.FallbackResolver;

import io.budget4j.RunBudget;
import io.budget4j.config.BudgetConfig;
import io.budget4j.config.InstrumentRule;
import io.budget4j.internal.BudgetResolver;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.method.ParameterList;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import static net.bytebuddy.matcher.ElementMatchers.is;

/**
 * Decides, for each method of a class being woven, whether it is a budgeted method, a model call
 * or a tool call, registers its {@link CallSite} and returns the advice to weave into it.
 * Annotations are read by name from the class file, never loaded.
 */
final class WeavePlanner {
    static final String BUDGETED = "io.budget4j.Budgeted";
    static final String MODEL_CALL = "io.budget4j.ModelCall";
    static final String TOOL_CALL = "io.budget4j.ToolCall";
    static final String TENANT_ID = "io.budget4j.TenantId";

    private static final Logger LOG = System.getLogger("io.budget4j.agent");

    private final BudgetConfig config;
    private final RuleIndex rules;

    WeavePlanner(BudgetConfig config, RuleIndex rules) {
        this.config = config;
        this.rules = rules;
    }

    /** The parsed advice, made on first use: an application with nothing to weave never parses it. */
    private static final class Lazy {
        static final Advices ADVICES = new Advices();
    }

    RuleIndex rules() {
        return rules;
    }

    /** The advice for {@code method}, or null when it is none of ours (or cannot be woven). */
    AsmVisitorWrapper plan(TypeDescription type, MethodDescription.InDefinedShape method) {
        if (method.isAbstract() || method.isNative() || !method.isMethod()) {
            return null;
        }
        String label = type.getName() + "#" + method.getName();
        for (AnnotationDescription a : method.getDeclaredAnnotations()) {
            String name = a.getAnnotationType().getName();
            try {
                switch (name) {
                    case BUDGETED:
                        return budgeted(type, method, label, a);
                    case MODEL_CALL:
                        return modelCall(method, label, string(a, "model"), number(a, "reserveTokens").longValue());
                    case TOOL_CALL:
                        return toolCall(method, label);
                    default:
                        break;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "budget4j: " + label + " is not budgeted: " + e.getMessage());
                return null;
            }
        }
        RuleIndex.Tracked rule = rules.match(type, method);
        if (rule == null) {
            return null;
        }
        try {
            return fromRule(type, method, label, rule);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "budget4j: " + label + " is not budgeted (" + rule.rule.describe() + "): "
                    + e.getMessage());
            return null;
        }
    }

    /** A method named by an {@code instrument:} rule (the annotations win where both apply). */
    private AsmVisitorWrapper fromRule(TypeDescription type, MethodDescription.InDefinedShape method, String label,
                                       RuleIndex.Tracked tracked) {
        InstrumentRule rule = tracked.rule;
        switch (rule.kind()) {
            case BUDGETED: {
                RunBudget budget = BudgetResolver.resolve(config, label, rule.profile().orElse(""), 0, 0, 0, 0);
                int id = Sites.register(new CallSite(CallSite.Kind.BUDGETED, label, "", budget, null));
                Advice.OffsetMapping tenant = rule.tenantParam().map(p -> tenantParameter(method, p, rule))
                        .orElse(Advices.nullValue());
                return Lazy.ADVICES.budgeted(Lazy.ADVICES.mapping(id).bind(TenantArg.class, tenant)).on(is(method));
            }
            case MODEL_CALL:
                if (tracked.adapter != null) {
                    int id = Sites.register(new CallSite(CallSite.Kind.MODEL_CALL, label, rule.model().orElse(""), null,
                            null, 0, tracked.adapter));
                    return Lazy.ADVICES.adaptedModelCall(Lazy.ADVICES.mapping(id)).on(is(method));
                }
                return modelCall(method, label, rule.model().orElse(""), 0);
            case TOOL_CALL:
            default:
                return toolCall(method, rule.toolName().map(n -> label + " (tool " + n + ")").orElse(label));
        }
    }

    private static Advice.OffsetMapping tenantParameter(MethodDescription.InDefinedShape method, String param,
                                                        InstrumentRule rule) {
        ParameterList<ParameterDescription.InDefinedShape> params = method.getParameters();
        if (param.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(param);
            if (index < params.size()) {
                return Advices.argument(params.get(index));
            }
        } else {
            for (ParameterDescription.InDefinedShape p : params) {
                if (p.isNamed() && p.getName().equals(param)) {
                    return Advices.argument(p);
                }
            }
        }
        throw new IllegalArgumentException("tenant_param '" + param + "' of " + rule.describe()
                + " names no parameter of " + method + " (give an index from 0, or compile with -parameters"
                + " to use names)");
    }

    private AsmVisitorWrapper budgeted(TypeDescription type, MethodDescription.InDefinedShape method, String label,
                                       AnnotationDescription a) {
        RunBudget budget = BudgetResolver.resolve(config, label, string(a, "profile"), number(a, "maxSteps").intValue(),
                number(a, "maxTokens").longValue(), number(a, "maxSeconds").doubleValue(),
                number(a, "maxNestedToolCalls").intValue());
        String fallbackName = string(a, "fallback");
        Fallback fallback = null;
        if (!fallbackName.isEmpty()) {
            try {
                fallback = FallbackResolver.resolve(type, method, fallbackName);
            } catch (FallbackResolver.NoFallbackException e) {
                // Reported now, at weave time; the run is still budgeted, just without the fallback.
                LOG.log(Level.ERROR, "budget4j: " + e.getMessage() + ". The run is budgeted without a fallback.");
            }
        }
        int id = Sites.register(new CallSite(CallSite.Kind.BUDGETED, label, "", budget, fallback));
        Advice.WithCustomMapping mapping = Lazy.ADVICES.mapping(id).bind(TenantArg.class, tenantArgument(method));
        return (fallback == null ? Lazy.ADVICES.budgeted(mapping) : Lazy.ADVICES.fallbackBudgeted(mapping)).on(is(method));
    }

    private AsmVisitorWrapper modelCall(MethodDescription.InDefinedShape method, String label, String model,
                                        long reserveTokens) {
        if (reserveTokens < 0) {
            throw new IllegalArgumentException("@ModelCall(reserveTokens = " + reserveTokens
                    + ") must be 0 (no reservation) or positive");
        }
        int id = Sites.register(new CallSite(CallSite.Kind.MODEL_CALL, label, model, null, null, reserveTokens));
        Advice.WithCustomMapping mapping = Lazy.ADVICES.mapping(id);
        boolean reportsUsage = reportsUsage(method.getReturnType().asErasure());
        return (reportsUsage ? Lazy.ADVICES.modelCall(mapping) : Lazy.ADVICES.countingModelCall(mapping)).on(is(method));
    }

    private AsmVisitorWrapper toolCall(MethodDescription.InDefinedShape method, String label) {
        int id = Sites.register(new CallSite(CallSite.Kind.TOOL_CALL, label, "", null, null));
        return Lazy.ADVICES.toolCall(Lazy.ADVICES.mapping(id)).on(is(method));
    }

    /** The parameter annotated {@code @TenantId}, loaded as an Object, or null. */
    private static Advice.OffsetMapping tenantArgument(MethodDescription.InDefinedShape method) {
        for (ParameterDescription.InDefinedShape p : method.getParameters()) {
            for (AnnotationDescription a : p.getDeclaredAnnotations()) {
                if (a.getAnnotationType().getName().equals(TENANT_ID)) {
                    return Advices.argument(p);
                }
            }
        }
        return Advices.nullValue();
    }

    /** Whether values of this type report their usage, so the arguments need not be read. */
    static boolean reportsUsage(TypeDescription type) {
        if (type.isPrimitive() || type.represents(Object.class) || type.represents(String.class)) {
            return false;
        }
        return hasUsageAccessor(type);
    }

    private static boolean hasUsageAccessor(TypeDefinition type) {
        if (type == null) {
            return false;
        }
        for (MethodDescription m : type.getDeclaredMethods()) {
            if (m.getParameters().isEmpty() && !m.isStatic()) {
                switch (m.getName()) {
                    case "usage":
                    case "getUsage":
                    case "tokenUsage":
                    case "getTokenUsage":
                        return true;
                    default:
                        break;
                }
            }
        }
        for (TypeDescription.Generic i : type.getInterfaces()) {
            if (hasUsageAccessor(i)) {
                return true;
            }
        }
        TypeDescription.Generic sup = type.getSuperClass();
        return sup != null && hasUsageAccessor(sup);
    }

    private static String string(AnnotationDescription a, String name) {
        Object v = a.getValue(name).resolve();
        return v == null ? "" : v.toString();
    }

    private static Number number(AnnotationDescription a, String name) {
        Object v = a.getValue(name).resolve();
        return v instanceof Number ? (Number) v : 0;
    }
}
