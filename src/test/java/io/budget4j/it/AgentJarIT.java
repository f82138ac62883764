package io.budget4j.it;

import io.budget4j.testing.Jvm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar is one self-contained agent that cannot clash with the application's libraries. */
class AgentJarIT {
    @Test
    void holdsNothingOutsideItsOwnPackageAndMetaInf() throws IOException {
        List<String> foreign = new ArrayList<>();
        try (JarFile jar = new JarFile(Jvm.agentJar().toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                if (!e.getName().startsWith("io/budget4j/") && !e.getName().startsWith("META-INF/")
                        && !e.getName().equals("io/")) {
                    foreign.add(e.getName());
                }
            }
        }
        assertEquals(List.of(), foreign);
    }

    @Test
    void relocatesItsDependenciesUnderTheShadedPackage() throws IOException {
        try (JarFile jar = new JarFile(Jvm.agentJar().toFile())) {
            assertTrue(jar.getEntry("io/budget4j/shaded/bytebuddy/ByteBuddy.class") != null);
            assertTrue(jar.getEntry("io/budget4j/shaded/snakeyaml/Yaml.class") != null);
            assertTrue(jar.getEntry("io/budget4j/shaded/jtokkit/Encodings.class") != null);
        }
    }

    @Test
    void declaresItselfAnAgentInItsManifest() throws IOException {
        try (JarFile jar = new JarFile(Jvm.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("io.budget4j.agent.BudgetAgent", main.getValue("Premain-Class"));
            assertEquals("io.budget4j.agent.BudgetAgent", main.getValue("Agent-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertEquals("true", main.getValue("Can-Redefine-Classes"));
        }
    }
}
