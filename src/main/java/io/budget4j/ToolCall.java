package io.budget4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs a tool. Each call is one step of the current run, and a tool call
 * made inside another tool call is nested one level deeper.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ToolCall {
    /** The tool's name in logs and events; the method's name when empty. */
    String name() default "";
}
