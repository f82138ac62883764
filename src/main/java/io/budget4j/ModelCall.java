package io.budget4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that calls a language model. Each call is one step of the current run: it is
 * checked before the body runs and its tokens are recorded after it returns (or throws).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ModelCall {
    /** The model's name, e.g. {@code gpt-4o-mini}; it chooses the tokenizer for estimates. */
    String model() default "";

    /**
     * Tokens to hold for each call until it reports what it used, e.g. the request's maximum
     * output tokens. With a reservation a call is allowed only if the run can cover all of it, so
     * concurrent calls can never overshoot {@code maxTokens}; 0 (the default) holds nothing.
     */
    long reserveTokens() default 0;
}
