package io.budget4j.it;

import io.budget4j.it.apps.OwnLibrariesApp;
import io.budget4j.testing.Jvm;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs and calls appear as JFR events in a recording (what {@code jfr print --events io.budget4j.*} shows). */
class JfrEventsIT {
    @TempDir
    Path dir;

    @Test
    void aRecordingHoldsARunEventAndOneCallEventPerStep() throws Exception {
        Path recording = dir.resolve("budget.jfr");
        Jvm.Result r = Jvm.withAgent().jvmArg("-XX:StartFlightRecording=filename=" + recording)
                .main(OwnLibrariesAppWithoutLibraries.class).run();
        assertEquals(0, r.exitCode, r.toString());
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        List<RecordedEvent> runs = events.stream().filter(e -> e.getEventType().getName().equals("io.budget4j.Run"))
                .toList();
        List<RecordedEvent> calls = events.stream()
                .filter(e -> e.getEventType().getName().equals("io.budget4j.Call")).toList();
        assertEquals(1, runs.size(), r.toString());
        assertEquals(2, runs.get(0).getInt("steps"));
        assertEquals(2, calls.size());
        assertTrue(calls.get(0).getString("method").endsWith("#ask"), calls.get(0).toString());
        assertEquals("model", calls.get(0).getString("kind"));
    }

    /** The budgeted part of {@link OwnLibrariesApp}, without its libraries. */
    public static final class OwnLibrariesAppWithoutLibraries {
        public static void main(String[] args) {
            System.out.println("STEPS=" + new OwnLibrariesApp().run());
        }
    }

}
