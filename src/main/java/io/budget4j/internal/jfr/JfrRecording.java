package io.budget4j.internal.jfr;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Tracks whether any JFR recording is running, so that the hot path pays one volatile read, and
 * no event allocation, while nothing records. Loaded only when the jdk.jfr module is present.
 */
public final class JfrRecording implements FlightRecorderListener {
    private static volatile boolean running;

    private JfrRecording() {
    }

    public static void watch() {
        FlightRecorder.addListener(new JfrRecording());
    }

    public static boolean running() {
        return running;
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        refresh(recorder);
    }

    @Override
    public void recordingStateChanged(Recording recording) {
        if (recording.getState() == RecordingState.RUNNING) {
            running = true;
        } else if (FlightRecorder.isInitialized()) {
            refresh(FlightRecorder.getFlightRecorder());
        }
    }

    private static void refresh(FlightRecorder recorder) {
        boolean any = false;
        for (Recording r : recorder.getRecordings()) {
            any |= r.getState() == RecordingState.RUNNING;
        }
        running = any;
    }
}
