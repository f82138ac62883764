package io.budget4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of a {@link Budgeted} method that names the tenant the run is charged to.
 * Every model call of the run then counts against that tenant's quota; the argument's
 * {@code toString()} is the tenant id (a null argument means no tenant).
 *
 * <pre>{@code
 * @Budgeted(profile = "support")
 * Answer handle(@TenantId String customer, String question) { ... }
 * }</pre>
 *
 * <p>Code without annotations uses {@link TenantContext#open(String)} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TenantId {
}
