package io.budget4j.examples.nocode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A hand-rolled chat-completions client, as many teams have: no budget4j in sight. */
public final class ChatClient {
    private static final Pattern CONTENT = Pattern.compile("\"content\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PROMPT = Pattern.compile("\"prompt_tokens\":(\\d+)");
    private static final Pattern COMPLETION = Pattern.compile("\"completion_tokens\":(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public ChatClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** What the endpoint answered, with the usage it reported. */
    public record Completion(String text, Usage usage) {
    }

    public record Usage(int promptTokens, int completionTokens) {
    }

    public Completion complete(String prompt) throws IOException, InterruptedException {
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + prompt.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String json = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new Completion(first(CONTENT, json), new Usage(Integer.parseInt(first(PROMPT, json)),
                Integer.parseInt(first(COMPLETION, json))));
    }

    private static String first(Pattern p, String json) {
        Matcher m = p.matcher(json);
        return m.find() ? m.group(1) : "0";
    }
}
