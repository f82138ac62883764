package io.budget4j.examples.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The research agent's small built-in library: documents about ML, Python, deep learning, NLP. */
public final class Corpus {
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "do",
            "does", "for", "from", "how", "in", "is", "it", "of", "on", "or", "the", "to", "what", "which",
            "why", "with", "compare", "explain", "between", "relate", "differ", "work");

    private final Map<String, Document> byId;
    private final List<String> topics;

    public Corpus(List<Document> documents) {
        this.byId = documents.stream().collect(Collectors.toMap(Document::id, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
        // Longest first, so a question's longest matching topic wins over the topics inside it.
        this.topics = documents.stream().flatMap(d -> d.topics().stream()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    public static Corpus standard() {
        return new Corpus(List.of(
                doc("machine-learning", "Machine learning", List.of("machine learning", "ml"),
                        "Machine learning is a field of artificial intelligence in which programs learn patterns "
                                + "from data instead of following hand-written rules. A model is trained on examples, "
                                + "evaluated on data it has not seen, and then used to make predictions. The main "
                                + "families are supervised, unsupervised and reinforcement learning.",
                        List.of("supervised learning", "unsupervised learning", "deep learning")),
                doc("supervised-learning", "Supervised learning", List.of("supervised learning", "classification",
                                "regression"),
                        "Supervised learning trains a model on labelled examples: inputs paired with the expected "
                                + "outputs. Classification predicts a category, such as spam or not spam; regression "
                                + "predicts a number, such as a price. Overfitting is kept in check with validation "
                                + "sets and regularisation.",
                        List.of("machine learning", "neural networks")),
                doc("unsupervised-learning", "Unsupervised learning", List.of("unsupervised learning", "clustering"),
                        "Unsupervised learning finds structure in data without labels. Clustering groups similar "
                                + "items, such as customers with similar purchases, and dimensionality reduction such "
                                + "as PCA compresses many features into a few. It is often used to explore data "
                                + "before a supervised model is built.",
                        List.of("machine learning")),
                doc("reinforcement-learning", "Reinforcement learning", List.of("reinforcement learning", "rl"),
                        "Reinforcement learning trains an agent by trial and error: it acts in an environment, "
                                + "receives rewards, and learns a policy that maximises the total reward. It has "
                                + "mastered games such as Go and is used to fine-tune language models from human "
                                + "feedback (RLHF).",
                        List.of("machine learning", "large language models")),
                doc("deep-learning", "Deep learning", List.of("deep learning"),
                        "Deep learning is machine learning with neural networks of many layers, which learn their "
                                + "own features from raw data such as pixels, audio or text. It needs large data sets "
                                + "and GPUs, and it drives modern image recognition, speech recognition and language "
                                + "models.",
                        List.of("neural networks", "transformers", "machine learning")),
                doc("neural-networks", "Neural networks", List.of("neural networks", "neural network",
                                "backpropagation"),
                        "A neural network is a stack of layers of simple units, each computing a weighted sum of "
                                + "its inputs followed by a non-linear activation. Its weights are learned by "
                                + "backpropagation and gradient descent, which adjust them step by step to reduce the "
                                + "error on training examples.",
                        List.of("deep learning")),
                doc("transformers", "Transformers", List.of("transformers", "transformer", "attention"),
                        "The transformer is a neural network architecture built on self-attention, which lets "
                                + "every token of a sequence look at every other token. Introduced in 2017, it "
                                + "replaced recurrent networks for language tasks and is the basis of large language "
                                + "models such as GPT.",
                        List.of("large language models", "natural language processing")),
                doc("large-language-models", "Large language models", List.of("large language models",
                                "large language model", "llm", "llms", "gpt"),
                        "Large language models are transformers trained on huge text corpora to predict the next "
                                + "token. They answer questions, write code and summarise documents; their cost and "
                                + "latency grow with the number of tokens they read and write, which is why agent "
                                + "budgets limit tokens.",
                        List.of("transformers", "ai agents")),
                doc("nlp", "Natural language processing", List.of("natural language processing", "nlp"),
                        "Natural language processing (NLP) lets computers read and produce human language: "
                                + "tokenisation, translation, sentiment analysis, question answering. Modern NLP is "
                                + "dominated by pretrained transformer models fine-tuned for each task.",
                        List.of("transformers", "large language models")),
                doc("python", "Python", List.of("python"),
                        "Python is a general-purpose programming language known for its readable syntax and large "
                                + "standard library. It is dynamically typed and interpreted, and popular for "
                                + "scripting, web back ends, automation and data science.",
                        List.of("python for machine learning")),
                doc("python-ml", "Python for machine learning", List.of("python for machine learning", "python",
                                "scikit-learn", "pytorch"),
                        "Python is the most common language for machine learning thanks to its libraries: NumPy "
                                + "for arrays, pandas for tables, scikit-learn for classical models, and PyTorch and "
                                + "TensorFlow for deep learning. Notebooks such as Jupyter make it easy to explore "
                                + "data interactively.",
                        List.of("deep learning", "machine learning")),
                doc("ai-agents", "AI agents", List.of("ai agents", "ai agent", "agents"),
                        "An AI agent is a program in which a language model decides, step by step, which tool to "
                                + "call next (search, code execution, an API) until it has an answer. Without limits "
                                + "an agent can loop, burn tokens and run for minutes, so production agents cap "
                                + "steps, tokens and time per run.",
                        List.of("large language models"))));
    }

    private static Document doc(String id, String title, List<String> topics, String text, List<String> related) {
        return new Document(id, title, topics, text, related);
    }

    public Optional<Document> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The corpus topics a question mentions, in the order they appear in it. */
    public List<String> topicsIn(String question) {
        String q = " " + normalise(question) + " ";
        record Found(int start, int end, String topic) {
        }
        List<Found> found = new ArrayList<>();
        for (String topic : topics) { // longest first: "python for machine learning" hides "python"
            int at = q.indexOf(" " + topic + " ");
            if (at >= 0 && found.stream().noneMatch(f -> at >= f.start() && at < f.end())) {
                found.add(new Found(at, at + topic.length() + 1, topic));
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Found::start)).map(Found::topic).toList();
    }

    /** The ids of the documents best matching {@code query}, best first; ties keep corpus order. */
    public List<String> rank(String query, int limit) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : normalise(query).split(" ")) {
            if (!w.isEmpty() && !STOP_WORDS.contains(w)) {
                words.add(w);
            }
        }
        String phrase = normalise(query);
        List<Map.Entry<String, Integer>> scored = new ArrayList<>();
        for (Document d : byId.values()) {
            int score = 0;
            for (String topic : d.topics()) {
                if (phrase.contains(topic)) {
                    score += 10 + topic.length(); // an exact topic outweighs scattered words
                }
            }
            String title = " " + normalise(d.title()) + " ";
            String text = " " + normalise(d.text()) + " ";
            for (String w : words) {
                score += title.contains(" " + w + " ") ? 3 : 0;
                score += text.contains(" " + w + " ") ? 1 : 0;
            }
            if (score > 0) {
                scored.add(Map.entry(d.id(), score));
            }
        }
        scored.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        return scored.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#-]+", " ").trim();
    }
}
