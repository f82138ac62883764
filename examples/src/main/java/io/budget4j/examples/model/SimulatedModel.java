package io.budget4j.examples.model;

import io.budget4j.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic, offline stand-in for a chat model, so the examples run anywhere without a
 * key. It answers the way the research agent's prompts ask: from the documents quoted in the
 * prompt ({@code [id] Title: text} lines), citing them by id, and, given a draft, extending it.
 * Its usage is what the prompt and the reply count in the model's tokenizer: the same text
 * gives the same numbers on every run.
 */
public final class SimulatedModel implements ChatModel {
    /** A quoted document in a prompt: {@code [id] Title: text}. */
    private static final Pattern DOCUMENT = Pattern.compile("^\\[([a-z0-9-]+)] [^:\\n]+: (.+)$", Pattern.MULTILINE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final String DRAFT_HEADER = "Draft answer:\n";

    private final String model;

    public SimulatedModel(String model) {
        this.model = model;
        // Load the tokenizer now rather than in the first call, whose time the run's budget counts.
        Tokens.count("warm up", model);
    }

    @Override
    public ChatResponse chat(String systemPrompt, String userPrompt) {
        String reply = reply(userPrompt);
        long prompt = Tokens.count(systemPrompt, model) + Tokens.count(userPrompt, model);
        return new ChatResponse(reply, TokenUsage.of(prompt, Tokens.count(reply, model)));
    }

    @Override
    public String describe() {
        return "simulated " + model + " (offline, deterministic)";
    }

    private static String reply(String prompt) {
        StringBuilder answer = new StringBuilder(draftOf(prompt));
        List<String[]> documents = documentsIn(prompt);
        boolean first = answer.length() == 0;
        for (String[] doc : documents) {
            List<String> sentences = List.of(SENTENCE_END.split(doc[1].trim()));
            // A fresh answer opens with the best document's first two sentences; after that,
            // each further document adds its lead sentence.
            int take = first ? Math.min(2, sentences.size()) : 1;
            if (answer.length() > 0) {
                answer.append(' ');
            }
            answer.append(String.join(" ", sentences.subList(0, take))).append(" [").append(doc[0]).append(']');
            first = false;
        }
        return answer.length() == 0 ? "The documents I was given do not answer this question." : answer.toString();
    }

    private static String draftOf(String prompt) {
        int start = prompt.indexOf(DRAFT_HEADER);
        if (start < 0) {
            return "";
        }
        start += DRAFT_HEADER.length();
        int end = prompt.indexOf("\n\n", start);
        return (end < 0 ? prompt.substring(start) : prompt.substring(start, end)).trim();
    }

    private static List<String[]> documentsIn(String prompt) {
        List<String[]> docs = new ArrayList<>();
        Matcher m = DOCUMENT.matcher(prompt);
        while (m.find()) {
            docs.add(new String[] {m.group(1), m.group(2)});
        }
        return docs;
    }
}
