package io.budget4j.it.apps;

import io.budget4j.ModelCall;

/** Calls a model outside any run. */
public class OutsideRunApp {
    @ModelCall
    public String ask(String q) {
        System.out.println("BODY_RAN=true");
        return "ok";
    }

    public static void main(String[] args) {
        try {
            System.out.println("RESULT=" + new OutsideRunApp().ask("q"));
        } catch (RuntimeException e) {
            System.out.println("THROWN=" + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
