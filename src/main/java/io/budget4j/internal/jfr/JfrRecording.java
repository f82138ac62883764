package io.budget4j.internal.jfr;

import jdk.jfr.FlightRecorder;

/**
 * Whether JFR could be recording: until a recording has started in this JVM, the hot path pays
 * one static read and creates no event. Asking does not start or initialise JFR, so an
 * application that never records pays nothing at start-up either. Loaded only when the jdk.jfr
 * module is present.
 */
public final class JfrRecording {
    private JfrRecording() {
    }

    public static boolean running() {
        return FlightRecorder.isInitialized();
    }
}
