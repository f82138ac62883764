package io.budget4j.examples.model;

import java.util.List;
import java.util.Map;

/** Chooses the examples' model: the offline simulation, unless asked to go live. */
public final class ChatModels {
    public static final String LIVE_FLAG = "--live";

    private ChatModels() {
    }

    /**
     * A live OpenAI-compatible model when {@code args} hold {@value #LIVE_FLAG} or the environment
     * sets {@code OPENAI_BASE_URL}; else the deterministic {@link SimulatedModel}.
     */
    public static ChatModel choose(List<String> args, Map<String, String> env) {
        boolean live = args.contains(LIVE_FLAG) || !env.getOrDefault("OPENAI_BASE_URL", "").isBlank();
        return live ? OpenAiCompatibleModel.fromEnvironment(env)
                : new SimulatedModel(env.getOrDefault("OPENAI_MODEL", OpenAiCompatibleModel.DEFAULT_MODEL));
    }

    /** As {@link #choose(List, Map)} with the process's environment. */
    public static ChatModel choose(String[] args) {
        return choose(List.of(args), System.getenv());
    }
}
