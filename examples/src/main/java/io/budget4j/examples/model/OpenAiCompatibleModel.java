package io.budget4j.examples.model;

import io.budget4j.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Any OpenAI-compatible chat completions endpoint (OpenAI, Azure-style gateways, Ollama,
 * vLLM, LM Studio...), called with the JDK's {@link HttpClient}. The usage the endpoint reports
 * is what the reply carries, so it is what the budget counts.
 *
 * <p>Configured from the environment: {@code OPENAI_BASE_URL} (default
 * {@code https://api.openai.com/v1}), {@code OPENAI_API_KEY} (sent as a bearer token when set),
 * {@code OPENAI_MODEL} (default {@code gpt-4o-mini}).
 */
public final class OpenAiCompatibleModel implements ChatModel {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final HttpClient http;

    public OpenAiCompatibleModel(String baseUrl, String apiKey, String model) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = URI.create(base + "/chat/completions");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.model = model;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static OpenAiCompatibleModel fromEnvironment(Map<String, String> env) {
        return new OpenAiCompatibleModel(env.getOrDefault("OPENAI_BASE_URL", DEFAULT_BASE_URL),
                env.get("OPENAI_API_KEY"), env.getOrDefault("OPENAI_MODEL", DEFAULT_MODEL));
    }

    @Override
    public ChatResponse chat(String systemPrompt, String userPrompt) {
        String body = "{\"model\":" + MiniJson.quote(model) + ",\"temperature\":0,\"messages\":["
                + "{\"role\":\"system\",\"content\":" + MiniJson.quote(systemPrompt) + "},"
                + "{\"role\":\"user\",\"content\":" + MiniJson.quote(userPrompt) + "}]}";
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ModelCallFailedException("could not reach " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallFailedException("interrupted while calling " + endpoint, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ModelCallFailedException(endpoint + " answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return parse(response.body(), systemPrompt + userPrompt);
    }

    private ChatResponse parse(String body, String prompt) {
        Object json;
        try {
            json = MiniJson.parse(body);
        } catch (IllegalArgumentException e) {
            throw new ModelCallFailedException(endpoint + " answered " + e.getMessage() + ": " + abbreviate(body), e);
        }
        Object content = MiniJson.at(json, "choices", 0, "message", "content");
        if (!(content instanceof String text)) {
            throw new ModelCallFailedException(endpoint + " answered without choices[0].message.content: "
                    + abbreviate(body));
        }
        Object usage = MiniJson.at(json, "usage");
        TokenUsage tokens = usage == null
                // An endpoint that reports no usage: count what went in and came out.
                ? TokenUsage.of(Tokens.count(prompt, model), Tokens.count(text, model))
                : new TokenUsage(number(usage, "prompt_tokens"), number(usage, "completion_tokens"),
                        number(usage, "total_tokens"));
        if (tokens.totalTokens() == 0 && tokens.promptTokens() + tokens.completionTokens() > 0) {
            tokens = TokenUsage.of(tokens.promptTokens(), tokens.completionTokens());
        }
        return new ChatResponse(text, tokens);
    }

    private static long number(Object usage, String key) {
        return MiniJson.at(usage, key) instanceof Double d ? d.longValue() : 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    @Override
    public String describe() {
        return model + " at " + endpoint + " (live)";
    }
}
