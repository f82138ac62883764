package io.budget4j.it;

import io.budget4j.it.apps.OwnLibrariesApp;
import io.budget4j.testing.Jvm;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An application that brings other versions of the libraries budget4j shades runs unchanged with the agent. */
class IsolationIT {
    @Test
    void anApplicationsOwnByteBuddySnakeYamlAndJtokkitAreTheOnesItGets() throws Exception {
        Jvm jvm = Jvm.withAgent().main(OwnLibrariesApp.class);
        try (Stream<Path> jars = Files.list(Paths.get(System.getProperty("budget4j.applicationLibs")))) {
            jars.forEach(jvm::classpath);
        }
        Jvm.Result r = jvm.run();
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.value("BYTE_BUDDY").contains("byte-buddy-1.17.5.jar"), r.toString());
        assertTrue(r.value("SNAKEYAML").contains("snakeyaml-1.33.jar"), r.toString());
        assertTrue(r.value("JTOKKIT").contains("jtokkit-1.0.0.jar"), r.toString());
        assertEquals("app.Generated", r.value("GENERATED"));
        assertEquals("42", r.value("YAML"));
        assertEquals("2", r.value("TOKENS"));
        assertEquals("2", r.value("STEPS"), "and the agent still budgets it");
    }

}
