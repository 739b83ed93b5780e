package org.groupenrollment.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a running {@link SchemaRegistryProcess}: one per test JVM, started on
 * first use and stopped when the JUnit run ends, so a module's integration tests pay the
 * start-up once.
 */
public final class SchemaRegistryExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SchemaRegistryProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return registry(context);
    }

    public static SchemaRegistryProcess registry(ExtensionContext context) {
        return context.getRoot()
            .getStore(ExtensionContext.Namespace.create(SchemaRegistryExtension.class))
            .computeIfAbsent(SchemaRegistryProcess.class, type -> SchemaRegistryProcess.start(),
                    SchemaRegistryProcess.class);
    }

}
