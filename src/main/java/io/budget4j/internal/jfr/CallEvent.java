package io.budget4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One model or tool call recorded in a run. */
@Name("io.budget4j.Call")
@Label("Budget Call")
@Category("budget4j")
@StackTrace(false)
public class CallEvent extends Event {
    @Label("Run Id")
    public long runId;
    @Label("Kind")
    public String kind;
    @Label("Method")
    public String method;
    @Label("Model")
    public String model;
    @Label("Tokens")
    public long tokens;
    @Label("Run Steps")
    public int runSteps;
    @Label("Run Tokens")
    public long runTokens;
    @Label("Failed")
    public boolean failed;
}
