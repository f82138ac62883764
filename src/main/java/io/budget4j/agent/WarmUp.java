package io.budget4j.agent;

import io.budget4j.Budgeted;
import io.budget4j.ModelCall;
import io.budget4j.ToolCall;

import java.io.InputStream;

/**
 * Weaves a sample class (this one) on a background thread at start-up and throws the result
 * away: Byte Buddy's classes load and warm up on the other core while the JVM goes on starting
 * the application, so the first real class to weave waits less.
 */
final class WarmUp {
    private WarmUp() {
    }

    static void start(BudgetTransformer transformer) {
        Thread t = new Thread(() -> {
            String name = WarmUp.class.getName().replace('.', '/');
            try (InputStream in = WarmUp.class.getResourceAsStream("/" + name + ".class")) {
                if (in != null) {
                    transformer.warmUp(name, in.readAllBytes());
                }
            } catch (Throwable ignored) {
                // only a warm-up: the real weaving reports its own failures
            }
        }, "budget4j-warmup");
        t.setDaemon(true);
        t.start();
    }

    @Budgeted(maxSteps = 1)
    static String budgeted(String question) {
        return question;
    }

    @ModelCall
    static String model(String prompt) {
        return prompt;
    }

    @ToolCall
    static String tool(String query) {
        return query;
    }
}
