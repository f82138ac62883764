package io.budget4j.examples.research;

import java.util.List;

/**
 * A document of the research corpus.
 *
 * @param id      short name, cited in answers as {@code [id]}
 * @param title   title
 * @param topics  the topics it is about, as written in questions (lower case)
 * @param text    its text
 * @param related topics a thorough researcher would look up next
 */
public record Document(String id, String title, List<String> topics, String text, List<String> related) {
    /** How a prompt quotes it: {@code [id] Title: text}. */
    public String quoted() {
        return "[" + id + "] " + title + ": " + text;
    }
}
