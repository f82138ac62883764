package io.budget4j.integrations;

import io.budget4j.tokens.UsageReader;

import java.util.List;

/**
 * What one chunk of a streamed answer says, read by getter names shared by the libraries'
 * models of the OpenAI wire format: a chat-completions chunk ({@code choices[].delta}) or a
 * Responses API event ({@code outputTextDelta().delta()}, {@code completed().response().usage()}).
 * Never throws: what cannot be read is no text and no usage.
 */
final class StreamChunks {
    /** Responses API events that carry a piece of the answer in {@code delta()}. */
    private static final String[] RESPONSE_DELTAS = {"outputTextDelta", "refusalDelta", "reasoningTextDelta",
            "reasoningSummaryTextDelta", "functionCallArgumentsDelta"};
    /** Responses API events that end the stream and carry the response, with its usage. */
    private static final String[] RESPONSE_ENDS = {"completed", "incomplete", "failed"};

    private StreamChunks() {
    }

    /**
     * The tokens a chunk reports for the whole answer, or -1: a chat-completions usage chunk, or
     * the Responses API event that ends the stream.
     */
    static long usage(Object event) {
        long tokens = UsageReader.tokensOf(event);
        if (tokens >= 0) {
            return tokens;
        }
        for (String end : RESPONSE_ENDS) {
            Object response = Reflect.path(event, end, "response");
            if (response != null) {
                return UsageReader.tokensOf(response);
            }
        }
        return -1;
    }

    /** The text of a Responses API event, or of a chat-completions chunk. */
    static String text(Object event) {
        for (String kind : RESPONSE_DELTAS) {
            Object delta = Reflect.path(event, kind, "delta");
            if (delta instanceof CharSequence) {
                return delta.toString();
            }
        }
        return chatText(event);
    }

    /** The text of a chat-completions chunk: every choice's delta content, reasoning and tool-call arguments. */
    private static String chatText(Object chunk) {
        Object choices = Reflect.get(chunk, "choices");
        if (!(choices instanceof List<?>)) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Object choice : (List<?>) choices) {
            Object delta = Reflect.get(choice, "delta");
            if (delta == null) {
                continue;
            }
            append(text, Reflect.get(delta, "content"));
            append(text, Reflect.get(delta, "reasoningContent"));
            Object toolCalls = Reflect.get(delta, "toolCalls");
            if (toolCalls instanceof List<?>) {
                for (Object call : (List<?>) toolCalls) {
                    append(text, Reflect.path(call, "function", "arguments"));
                }
            }
        }
        return text.toString();
    }

    private static void append(StringBuilder text, Object piece) {
        if (piece instanceof CharSequence) {
            text.append((CharSequence) piece);
        }
    }
}
