package io.budget4j.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the jtokkit {@link Encoding} (the tokenizer) for a model name.
 *
 * <ul>
 *   <li>{@code o200k_base}: gpt-4o, chatgpt-4o, gpt-4.1, gpt-4.5, gpt-5, gpt-oss and the o-series
 *       (o1, o3, o4-mini, ...);</li>
 *   <li>{@code cl100k_base}: the other gpt-4 models (gpt-4, gpt-4-turbo, gpt-4-32k), gpt-3.5
 *       (also Azure's {@code gpt-35-turbo}), text-embedding-3-* and text-embedding-ada-002;</li>
 *   <li>{@link #DEFAULT_ENCODING} ({@code o200k_base}) for every other name, and for a null or empty
 *       one: the current OpenAI tokenizer is the closest public stand-in for models whose own
 *       tokenizer is not available (Claude, Gemini, Llama, ...).</li>
 * </ul>
 *
 * Case and a provider prefix ({@code openai/gpt-4o}, {@code azure/...}) are ignored, and so is
 * the {@code ft:} prefix of fine-tuned models ({@code ft:gpt-4o-mini:acme::id}).
 *
 * <p>Encodings come from jtokkit's lazy registry, so only the encodings actually used are loaded
 * (each is a few MB of ranks), and the encoding of a model name is resolved once and cached.
 */
public final class ModelEncodings {
    /** The encoding of model names that none of the rules recognise. */
    public static final String DEFAULT_ENCODING = "o200k_base";

    /** Beyond this many distinct names, names are resolved without caching (resolving is cheap). */
    private static final int MAX_CACHED_NAMES = 1024;

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final ConcurrentHashMap<String, Encoding> BY_MODEL = new ConcurrentHashMap<>();

    private ModelEncodings() {
    }

    /**
     * The encoding for {@code model} (null means unknown), loading it on first use.
     *
     * @throws IllegalStateException (from jtokkit) when the encoding's resource cannot be loaded
     */
    public static Encoding forModel(String model) {
        String key = model == null ? "" : model;
        Encoding cached = BY_MODEL.get(key);
        if (cached != null) {
            return cached;
        }
        if (BY_MODEL.size() >= MAX_CACHED_NAMES) {
            return REGISTRY.getEncoding(typeFor(key));
        }
        return BY_MODEL.computeIfAbsent(key, m -> REGISTRY.getEncoding(typeFor(m)));
    }

    /** The name of the encoding for {@code model}, e.g. {@code "o200k_base"}; loads nothing. */
    public static String nameFor(String model) {
        return typeFor(model).getName();
    }

    /** The encoding type for {@code model}; pure string rules, loads nothing. */
    public static EncodingType typeFor(String model) {
        String m = normalise(model);
        if (m.isEmpty()) {
            return EncodingType.O200K_BASE;
        }
        if (m.startsWith("gpt-4o") || m.startsWith("chatgpt-4o") || m.startsWith("gpt-4.1")
                || m.startsWith("gpt-4.5") || m.startsWith("gpt-5") || m.startsWith("gpt-oss")
                || isOSeries(m)) {
            return EncodingType.O200K_BASE;
        }
        if (m.startsWith("gpt-4") || m.startsWith("gpt-3.5") || m.startsWith("gpt-35")
                || m.startsWith("text-embedding-3") || m.contains("ada-002")) {
            return EncodingType.CL100K_BASE;
        }
        return EncodingType.O200K_BASE;
    }

    /** Lower case, without a provider prefix ({@code openai/}) or a fine-tune prefix ({@code ft:}). */
    static String normalise(String model) {
        if (model == null) {
            return "";
        }
        String m = model.trim().toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/');
        if (slash >= 0) {
            m = m.substring(slash + 1);
        }
        if (m.startsWith("ft:")) {
            m = m.substring(3);
        }
        return m;
    }

    /** o1, o1-mini, o3, o3-mini, o4-mini, ...: an 'o' followed by a digit. */
    private static boolean isOSeries(String m) {
        return m.length() >= 2 && m.charAt(0) == 'o' && Character.isDigit(m.charAt(1));
    }
}
