package io.budget4j.it.apps;

import io.budget4j.Budgeted;
import io.budget4j.ModelCall;

/** Names a fallback that does not fit; the agent must say so when weaving, and still budget the run. */
public class BrokenFallbackApp {
    @Budgeted(maxSteps = 1, fallback = "missing")
    public String answer(String question) {
        ask(question);
        ask(question);
        return "done";
    }

    String missing(int wrongParameter) {
        return "never";
    }

    @ModelCall
    public String ask(String q) {
        return "ok";
    }

    public static void main(String[] args) {
        try {
            System.out.println("RESULT=" + new BrokenFallbackApp().answer("q"));
        } catch (RuntimeException e) {
            System.out.println("THROWN=" + e.getClass().getName());
        }
    }
}
