package io.budget4j.internal.jfr;

import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;

/** Whether one event type is enabled in a running recording, asked without creating an event. */
public interface EventEnabled {
    EventEnabled OFF = () -> false;

    boolean isEnabled();

    static EventEnabled of(Class<? extends Event> type) {
        return new EventEnabled() {
            private volatile EventType eventType;

            @Override
            public boolean isEnabled() {
                if (!FlightRecorder.isInitialized()) {
                    return false;
                }
                EventType t = eventType;
                if (t == null) {
                    t = EventType.getEventType(type);
                    eventType = t;
                }
                return t.isEnabled();
            }
        };
    }
}
