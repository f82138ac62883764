package io.budget4j.it.apps.plain;

import java.util.ArrayList;
import java.util.List;

/** An application with no budget4j import at all: budgeted by YAML rules only. */
public class SupportBot {
    /** A model client interface; the rule names it, the implementation is woven. */
    public interface LlmClient {
        String complete(String prompt);

        /** Delegates to {@link #complete(String)}: one request, counted once. */
        default String complete(String system, String prompt) {
            return complete(system + "\n" + prompt);
        }
    }

    public static final class EchoClient implements LlmClient {
        public static int requests;

        @Override
        public String complete(String prompt) {
            requests++;
            return "echo " + prompt.length();
        }
    }

    public static final class Tools {
        public static int runs;

        public static String lookup(String query) {
            runs++;
            return "found " + query;
        }
    }

    private final LlmClient client = new EchoClient();

    public List<String> handle(String tenant, int turns) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            out.add(client.complete("You are helpful.", "turn " + i));
            out.add(Tools.lookup("q" + i));
        }
        return out;
    }

    public static void main(String[] args) {
        try {
            System.out.println("RESULT=" + new SupportBot().handle("acme", Integer.parseInt(args[0])));
        } catch (RuntimeException e) {
            System.out.println("THROWN=" + e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.println("REQUESTS=" + EchoClient.requests);
        System.out.println("TOOL_RUNS=" + Tools.runs);
    }
}
