package io.budget4j.examples.research;

import io.budget4j.BudgetContext;
import io.budget4j.Budgeted;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers a batch of questions in one run, under the batch_processing profile. */
public class BatchResearch {
    private final ResearchAgent agent;

    public BatchResearch(ResearchAgent agent) {
        this.agent = agent;
    }

    /** The answers, and the batch run's budget (empty when the agent is not attached). */
    public record BatchResult(List<ResearchResult> answers, Optional<BudgetReport> budget) {
    }

    /** Every question's quick answer; all of them count toward the one batch run. */
    @Budgeted(profile = "batch_processing")
    public BatchResult answerAll(List<String> questions) {
        List<ResearchResult> answers = new ArrayList<>();
        for (String question : questions) {
            answers.add(agent.answer(question));
        }
        return new BatchResult(answers, BudgetContext.current().map(BudgetReport::of));
    }
}
