package io.budget4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A call refused before it was made because a limit would break. */
@Name("io.budget4j.Refusal")
@Label("Budget Refusal")
@Category("budget4j")
public class RefusalEvent extends Event {
    @Label("Run Id")
    public long runId;
    @Label("Limit")
    public String limit;
    @Label("Method")
    public String method;
    @Label("Message")
    public String message;
}
