package io.budget4j.it.apps;

import io.budget4j.Budgeted;
import io.budget4j.ModelCall;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads and uses its annotated class before any agent is attached, then waits on stdin while the
 * test attaches the agent by process id, then runs again: now budgeted.
 */
public class LateAttachApp {
    public static class Bot {
        int bodies;

        @ModelCall
        public String ask(String q) {
            bodies++;
            return "ok";
        }

        @Budgeted(maxSteps = 2)
        public String run() {
            for (int i = 0; i < 5; i++) {
                ask("q" + i);
            }
            return "all five calls ran";
        }
    }

    public static void main(String[] args) throws Exception {
        Bot bot = new Bot();
        System.out.println("BEFORE=" + bot.run());
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        in.readLine(); // the test writes a line once the agent is attached
        bot.bodies = 0;
        try {
            System.out.println("AFTER=" + bot.run());
        } catch (RuntimeException e) {
            System.out.println("AFTER_THROWN=" + e.getClass().getName());
        }
        System.out.println("BODIES=" + bot.bodies);
    }
}
