package io.budget4j.examples.research;

import io.budget4j.ToolCall;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The research agent's tools. A search is one tool call, and it fetches each hit with another
 * tool call nested inside it, so a search of two hits spends three steps at nesting depth 2.
 */
public class DocumentSearch {
    private final Corpus corpus;

    public DocumentSearch(Corpus corpus) {
        this.corpus = corpus;
    }

    /** The documents best matching {@code query}, at most {@code limit}, best first. */
    @ToolCall(name = "search")
    public List<Document> searchDocuments(String query, int limit) {
        List<Document> found = new ArrayList<>();
        for (String id : corpus.rank(query, limit)) {
            found.add(fetchDocument(id));
        }
        return found;
    }

    /** One document by id. */
    @ToolCall(name = "fetch")
    public Document fetchDocument(String id) {
        return corpus.get(id).orElseThrow(() -> new NoSuchElementException("no document " + id));
    }
}
