package io.budget4j;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged agent jar counts tokens on its own: jtokkit is relocated under
 * {@code io.budget4j.shaded.jtokkit}, and its {@code .tiktoken} resources (loaded by path) must
 * have moved with it. Loads {@link Tokens} from nothing but the jar, above the platform loader.
 */
class ShadedTokensIT {

    @Test
    void theShadedJarCountsWithItsRelocatedTokenizers() throws Exception {
        Path jar = Path.of(System.getProperty("budget4j.agentJar", "target/budget4j-agent.jar"));
        assertTrue(Files.isRegularFile(jar), "no packaged jar at " + jar);

        try (URLClassLoader onlyTheJar = new URLClassLoader(new URL[]{jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> tokens = onlyTheJar.loadClass("io.budget4j.Tokens");
            Method count = tokens.getMethod("count", String.class, String.class);

            // "hello world" is 2 tokens in both encodings; the 4-characters estimate would say 3
            assertEquals(2, count.invoke(null, "hello world", "gpt-4o"));
            assertEquals(2, count.invoke(null, "hello world", "gpt-4"));
            String russian = "Привет, как дела? Это тест токенизатора.";
            assertEquals(Tokens.count(russian, "gpt-4o"), count.invoke(null, russian, "gpt-4o"));
            assertEquals(Tokens.count(russian, "gpt-4"), count.invoke(null, russian, "gpt-4"));

            assertTrue(onlyTheJar.loadClass("io.budget4j.shaded.jtokkit.Encodings") != null);
            assertThrows(ClassNotFoundException.class, () -> onlyTheJar.loadClass("com.knuddels.jtokkit.Encodings"));
        }
    }
}
