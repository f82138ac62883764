package io.budget4j.agent;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads budget4j's own class files (the advice classes) from the agent jar. Byte Buddy's default
 * locator cannot, since our classes live on the boot class path.
 */
final class OwnClassFiles implements ClassFileLocator {
    static final OwnClassFiles INSTANCE = new OwnClassFiles();

    private OwnClassFiles() {
    }

    /** The advice in {@code adviceClass}, read from its class file. */
    static Advice advice(Class<?> adviceClass) {
        return Advice.to(TypeDescription.ForLoadedType.of(adviceClass), INSTANCE);
    }

    @Override
    public Resolution locate(String name) throws IOException {
        try (InputStream in = OwnClassFiles.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            return in == null ? new Resolution.Illegal(name) : new Resolution.Explicit(in.readAllBytes());
        }
    }

    @Override
    public void close() {
    }
}
