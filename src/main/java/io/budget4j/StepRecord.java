package io.budget4j;

/**
 * One recorded model or tool call, as given to {@link BudgetListener#stepRecorded(StepRecord)}.
 *
 * @param runId    the run's id
 * @param step     the run's step count after this call
 * @param kind     {@code "model"} or {@code "tool"}
 * @param method   {@code Type#method} of the call, or a name given programmatically
 * @param model    the model's name, empty for tools and unnamed models
 * @param tokens   tokens recorded for this call (0 for tools)
 * @param failed   whether the call threw
 * @param usage    the run's usage after this call
 */
public record StepRecord(long runId, int step, String kind, String method, String model, long tokens,
                         boolean failed, BudgetUsage usage) {
}
