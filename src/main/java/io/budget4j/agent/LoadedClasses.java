package io.budget4j.agent;

import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/** Classes loaded before the agent was attached that need weaving (found by their class files' bytes). */
final class LoadedClasses {
    private LoadedClasses() {
    }

    static List<Class<?>> annotated(Instrumentation inst, ClassWeaver weaver) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            ClassLoader loader = c.getClassLoader();
            if (loader == null || c.isArray() || c.isPrimitive() || c.isHidden() || !inst.isModifiableClass(c)) {
                continue;
            }
            String internalName = c.getName().replace('.', '/');
            try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
                if (in != null && weaver.mayWeave(internalName, loader, in.readAllBytes())) {
                    found.add(c);
                }
            } catch (Exception | LinkageError e) {
                // Not readable: it cannot be one of ours to weave; leave it alone.
            }
        }
        return found;
    }
}
