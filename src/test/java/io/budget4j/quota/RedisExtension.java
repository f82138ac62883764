package io.budget4j.quota;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link RedisServer}: one per test run, started on first use and stopped when the
 * run ends (JUnit closes it with the root store).
 */
public final class RedisExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RedisExtension.class))
                .getOrComputeIfAbsent(RedisServer.class, k -> RedisServer.forTests(), RedisServer.class);
    }
}
