package io.budget4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One budget4j run, from open to close. */
@Name("io.budget4j.Run")
@Label("Budget Run")
@Category("budget4j")
@Description("An agent run under a budget, from open to close")
@StackTrace(false)
public class RunEvent extends Event {
    @Label("Run Id")
    public long runId;
    @Label("Origin")
    public String origin;
    @Label("Profile")
    public String profile;
    @Label("Steps")
    public int steps;
    @Label("Tokens")
    public long tokens;
    @Label("Exhausted By")
    @Description("The limit that refused a call, if any")
    public String exhaustedBy;
}
