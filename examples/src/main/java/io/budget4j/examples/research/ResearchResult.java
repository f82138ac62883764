package io.budget4j.examples.research;

import io.budget4j.Limit;

import java.util.List;
import java.util.Optional;

/**
 * What the research agent returns, complete or not.
 *
 * @param question    the question asked
 * @param answer      the answer, or on exhaustion a partial answer that says what is missing
 * @param sources     ids of the documents the answer draws on
 * @param exhaustedBy the limit that stopped the research early, if one did
 * @param budget      the run's budget and usage; empty when no run was open (agent not attached)
 */
public record ResearchResult(String question, String answer, List<String> sources, Optional<Limit> exhaustedBy,
                             Optional<BudgetReport> budget) {
    /** True when the agent finished its research within the budget. */
    public boolean complete() {
        return exhaustedBy.isEmpty();
    }
}
