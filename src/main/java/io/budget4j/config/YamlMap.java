package io.budget4j.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping, keyed by text in file order, each key present once; unknown keys are refused
 * with the nearest known one.
 */
final class YamlMap {
    private final NodeReader reader;
    private final Node node;
    private final String where;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    /**
     * @param node  the mapping, or null for an absent / empty one
     * @param where how messages place it, e.g. "in profile 'quick_answer'"; null for the top level
     */
    YamlMap(NodeReader reader, Node node, String where) {
        this.reader = reader;
        this.node = node;
        this.where = where;
        if (node instanceof MappingNode) {
            for (NodeTuple entry : ((MappingNode) node).getValue()) {
                String key = keyText(entry.getKeyNode());
                NodeTuple first = entries.putIfAbsent(key, entry);
                if (first != null) {
                    throw reader.error(entry.getKeyNode(), "duplicate key '" + key + "'" + placeSuffix()
                            + " (first at line " + NodeReader.line(first.getKeyNode())
                            + "); each key may appear only once: remove one of them");
                }
            }
        }
    }

    /** The mapping node, or null when the mapping was absent or empty. */
    Node node() {
        return node;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value of {@code key}, or null when the key is absent. */
    Node value(String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? null : entry.getValueNode();
    }

    /** The key's own node (for errors that point at the key), or null when absent. */
    Node keyNode(String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? null : entry.getKeyNode();
    }

    /** Refuses any key not in {@code known}, suggesting the nearest one. */
    void allowOnly(Collection<String> known) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw reader.error(entry.getValue().getKeyNode(), "unknown "
                        + (where == null ? "top-level key" : "key") + " '" + entry.getKey() + "'" + placeSuffix()
                        + Suggestions.advice(entry.getKey(), known, "keys"));
            }
        }
    }

    private String placeSuffix() {
        return where == null ? "" : " " + where;
    }

    private String keyText(Node key) {
        if (!(key instanceof ScalarNode)) {
            throw reader.error(key, "a key" + placeSuffix() + " is " + NodeReader.describe(key)
                    + "; keys must be plain names, like max_steps");
        }
        String text = ((ScalarNode) key).getValue().trim();
        if (key.getTag().equals(Tag.NULL) || text.isEmpty()) {
            throw reader.error(key, "a key" + placeSuffix() + " is empty; write a name before the ':'");
        }
        return text;
    }
}
