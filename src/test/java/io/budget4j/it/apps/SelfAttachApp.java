package io.budget4j.it.apps;

import io.budget4j.Budget4j;
import io.budget4j.Budgeted;
import io.budget4j.ModelCall;

/** Attaches the agent from its own main, with no -javaagent on the command line. */
public class SelfAttachApp {
    public static class Bot {
        @ModelCall
        public String ask(String q) {
            return "ok";
        }

        @Budgeted(maxSteps = 1)
        public String run() {
            ask("one");
            ask("two");
            return "both calls ran";
        }
    }

    public static void main(String[] args) {
        Budget4j.attach(null);
        try {
            System.out.println("RESULT=" + new Bot().run());
        } catch (RuntimeException e) {
            System.out.println("THROWN=" + e.getClass().getName());
        }
    }
}
