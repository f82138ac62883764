package io.budget4j.examples.research;

import io.budget4j.BudgetContext;
import io.budget4j.BudgetExhaustedException;
import io.budget4j.BudgetManager;
import io.budget4j.BudgetUsage;
import io.budget4j.Budgeted;
import io.budget4j.Limit;
import io.budget4j.ModelCall;
import io.budget4j.RunBudget;
import io.budget4j.examples.model.ChatModel;
import io.budget4j.examples.model.ChatResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The seed's research agent as ordinary annotated Java: it searches documents, synthesizes an
 * answer with a model, refines it topic by topic until the question is covered, and answers
 * gracefully when the budget runs out.
 *
 * <p>Nothing here calls budget4j to check or record anything: with the agent attached,
 * {@code @Budgeted} opens a run around {@link #answer} and {@link #research}, and every
 * {@code @ToolCall} / {@code @ModelCall} below is checked before and recorded after. When a
 * limit would break, the call is not made, and {@link #partialAnswer} answers instead.
 *
 * <p>One agent researches one question at a time (it keeps the question's progress, for the
 * fallback); use one agent per thread.
 */
public class ResearchAgent {
    static final String MODEL = "gpt-4o-mini";
    private static final String SYSTEM_PROMPT = "You are a research assistant. Answer the question only from "
            + "the documents given, citing each by its id in brackets, e.g. [machine-learning]. Be concise.";
    /** Hits fetched per search. */
    private static final int DOCUMENTS_PER_SEARCH = 2;
    /** Deep research follows related topics until it has covered this many. */
    private static final int DEEP_RESEARCH_TOPICS = 4;

    private final ChatModel model;
    private final DocumentSearch search;
    private final Corpus corpus;
    private Progress progress;

    public ResearchAgent(ChatModel model) {
        this(model, Corpus.standard());
    }

    public ResearchAgent(ChatModel model, Corpus corpus) {
        this.model = model;
        this.corpus = corpus;
        this.search = new DocumentSearch(corpus);
    }

    /** A quick answer: researches the topics the question names, within the quick_answer profile. */
    @Budgeted(profile = "quick_answer", fallback = "partialAnswer")
    public ResearchResult answer(String question) {
        return investigate(question, false);
    }

    /** Deep research: also follows related topics, so it needs the deep_research profile. */
    @Budgeted(profile = "deep_research", fallback = "partialAnswer")
    public ResearchResult research(String question) {
        return investigate(question, true);
    }

    private ResearchResult investigate(String question, boolean deep) {
        Progress p = new Progress(question, BudgetContext.current().orElse(null), corpus.topicsIn(question));
        progress = p;
        while (!p.pending.isEmpty()) {
            String topic = p.pending.peek();
            List<Document> fresh = p.gather(search.searchDocuments(topic, DOCUMENTS_PER_SEARCH));
            if (!fresh.isEmpty()) {
                ChatResponse reply = p.draft == null ? synthesize(question, fresh) : refine(question, p.draft, fresh);
                p.draft = reply.content();
            }
            p.pending.poll();
            p.researched.add(topic);
            if (deep) {
                fresh.stream().flatMap(d -> d.related().stream()).forEach(p::planUpTo);
            }
        }
        String answer = p.draft != null ? p.draft : "I found no documents about this question.";
        return p.result(answer, Optional.empty());
    }

    /** Asks the model for a first answer from the documents found so far. */
    @ModelCall(model = MODEL)
    private ChatResponse synthesize(String question, List<Document> documents) {
        return model.chat(SYSTEM_PROMPT, "Question: " + question + "\n\nDocuments:\n" + quote(documents)
                + "\n\nWrite a concise answer citing the documents by id.");
    }

    /** Asks the model to improve its draft with new documents. */
    @ModelCall(model = MODEL)
    private ChatResponse refine(String question, String draft, List<Document> documents) {
        return model.chat(SYSTEM_PROMPT, "Question: " + question + "\n\nDraft answer:\n" + draft
                + "\n\nNew documents:\n" + quote(documents)
                + "\n\nImprove the draft with what the new documents add, citing them by id.");
    }

    /**
     * The fallback of {@link #answer} and {@link #research}: the budget ran out, so say which
     * limit stopped the research, give what was gathered, and offer to go on with more budget.
     */
    private ResearchResult partialAnswer(String question, BudgetExhaustedException exhausted) {
        Progress p = progress != null && progress.question.equals(question) ? progress
                : new Progress(question, null, List.of());
        RunBudget limits = p.run != null ? p.run.budget() : null;
        StringBuilder a = new StringBuilder("I ran out of budget before finishing: ")
                .append(describe(exhausted.limit(), limits)).append(" was reached after ")
                .append(describe(exhausted.usage())).append('.');
        if (p.draft != null) {
            a.append("\nWhat I found so far: ").append(p.draft);
        } else if (!p.gathered.isEmpty()) {
            a.append("\nDocuments found so far: ").append(p.gathered.values().stream()
                    .map(d -> d.title() + " [" + d.id() + "]").collect(Collectors.joining(", "))).append('.');
        } else {
            a.append("\nI had not found anything yet.");
        }
        if (!p.pending.isEmpty()) {
            a.append("\nNot yet researched: ").append(String.join(", ", p.pending)).append('.');
        }
        a.append("\nAsk again with a larger budget (for example the deep_research profile) to continue.");
        return p.result(a.toString(), Optional.of(exhausted.limit()));
    }

    /** The limit as the YAML names it, with its value: {@code max_steps (5)}. */
    private static String describe(Limit limit, RunBudget limits) {
        String name = limit.yamlKey().isEmpty() ? limit.name().toLowerCase(Locale.ROOT) : limit.yamlKey();
        if (limits == null) {
            return name;
        }
        String allowed = switch (limit) {
            case STEPS -> limits.maxSteps().isPresent() ? String.valueOf(limits.maxSteps().getAsInt()) : "";
            case TOKENS -> limits.maxTokens().isPresent() ? String.valueOf(limits.maxTokens().getAsLong()) : "";
            case TIME -> limits.maxSeconds().isPresent()
                    ? String.format(Locale.ROOT, "%s s", limits.maxSeconds().getAsDouble()) : "";
            case NESTED_TOOL_CALLS -> limits.maxNestedToolCalls().isPresent()
                    ? String.valueOf(limits.maxNestedToolCalls().getAsInt()) : "";
            default -> "";
        };
        return allowed.isEmpty() ? name : name + " (" + allowed + ")";
    }

    private static String describe(BudgetUsage used) {
        return String.format(Locale.ROOT, "%d steps, %d tokens and %.2f s", used.steps(), used.tokens(),
                used.seconds());
    }

    private static String quote(List<Document> documents) {
        return documents.stream().map(Document::quoted).collect(Collectors.joining("\n"));
    }

    /** What one question's research has gathered so far. */
    private static final class Progress {
        final String question;
        final BudgetManager run;
        final Deque<String> pending = new ArrayDeque<>();
        final List<String> researched = new ArrayList<>();
        final Map<String, Document> gathered = new LinkedHashMap<>();
        String draft;

        Progress(String question, BudgetManager run, List<String> topics) {
            this.question = question;
            this.run = run;
            pending.addAll(topics.isEmpty() ? List.of(question) : topics);
        }

        /** Keeps the documents not seen before, and returns them. */
        List<Document> gather(List<Document> found) {
            List<Document> fresh = new ArrayList<>();
            for (Document d : found) {
                if (gathered.putIfAbsent(d.id(), d) == null) {
                    fresh.add(d);
                }
            }
            return fresh;
        }

        /** Plans a related topic, while deep research has room for more topics. */
        void planUpTo(String topic) {
            boolean known = pending.contains(topic) || researched.contains(topic);
            if (!known && pending.size() + researched.size() < DEEP_RESEARCH_TOPICS) {
                pending.add(topic);
            }
        }

        ResearchResult result(String answer, Optional<Limit> exhaustedBy) {
            return new ResearchResult(question, answer, List.copyOf(gathered.keySet()), exhaustedBy,
                    Optional.ofNullable(run).map(BudgetReport::of));
        }
    }
}
