package io.budget4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs an agent: entering it opens a run, returning or throwing closes it.
 *
 * <p>The run's limits come from the attributes set here; an attribute left at its default
 * takes its value from the named {@link #profile()}, else from the YAML {@code defaults}
 * profile, else it is unlimited.
 *
 * <p>With {@link #fallback()}, a run that ends in {@link BudgetExhaustedException} returns
 * what the named method of the same object returns for the same arguments (optionally
 * followed by the {@code BudgetExhaustedException}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Budgeted {
    /** Profile under {@code budgets:} in the YAML configuration; empty for the defaults. */
    String profile() default "";

    /** Maximum model and tool calls in the run; 0 means "from the profile". */
    int maxSteps() default 0;

    /** Maximum tokens spent by the run's model calls; 0 means "from the profile". */
    long maxTokens() default 0;

    /** Maximum wall time of the run, in seconds; 0 means "from the profile". */
    double maxSeconds() default 0;

    /** Maximum depth of a tool call inside other tool calls; 0 means "from the profile". */
    int maxNestedToolCalls() default 0;

    /** Name of a method of the same class that answers when the budget is exhausted. */
    String fallback() default "";
}
