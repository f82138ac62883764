package io.budget4j.it.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * How the test apps report to the test that launched them: one {@code KEY=value} line per fact on
 * stdout. Knows nothing of budget4j: an exception is reported by its class name and message,
 * exactly as the app received it.
 */
public final class AppConsole {
    private AppConsole() {
    }

    /** A script like {@code chat:3,stream,tools}: the steps a {@code converse} method runs in order. */
    public static List<String> steps(String script) {
        List<String> steps = new ArrayList<>();
        for (String part : script.split(",")) {
            String step = part.trim();
            int times = 1;
            int colon = step.indexOf(':');
            if (colon >= 0) {
                times = Integer.parseInt(step.substring(colon + 1));
                step = step.substring(0, colon);
            }
            for (int i = 0; i < times; i++) {
                steps.add(step);
            }
        }
        return steps;
    }

    /**
     * Runs an app's conversation and prints what happened: the replies it got (also those before a
     * failure), then {@code RESULT=OK} or {@code THROWN=class: message}, and the tool calls made.
     */
    public static void run(String app, Runnable conversation, List<String> replies) {
        try {
            conversation.run();
            replies.forEach(r -> print("REPLY", r));
            print("RESULT", "OK");
        } catch (RuntimeException e) {
            replies.forEach(r -> print("REPLY", r));
            print("THROWN", e.getClass().getName() + ": " + e.getMessage());
        } finally {
            print("TOOL_CALLS", String.valueOf(Weather.lookups()));
            print("APP", app);
            System.out.flush();
        }
    }

    /** What a stream's callback got as failure, unwrapped from the future that carried it. */
    public static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException r ? r : e;
    }

    public static void print(String key, String value) {
        System.out.println(key + "=" + String.valueOf(value).replace('\n', ' ').replace('\r', ' '));
    }
}
