package io.budget4j.config;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads values off a composed YAML tree, checking each one's shape and range, and makes the
 * errors that point at the value's line and column.
 */
final class NodeReader {
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP);

    private final String source;
    private final Scalars scalars = new Scalars(YamlTree.loaderOptions());

    NodeReader(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** 1-based line of a node. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    BudgetConfigException error(Node at, String problem) {
        if (at == null) {
            return new BudgetConfigException(source, 0, 0, problem);
        }
        Mark mark = at.getStartMark();
        return new BudgetConfigException(source, mark.getLine() + 1, mark.getColumn() + 1, problem);
    }

    /** True for an absent value: no node, or an empty / {@code null} / {@code ~} scalar. */
    static boolean isNull(Node node) {
        return node == null || node.getTag().equals(Tag.NULL);
    }

    /**
     * A mapping; a null value is an empty mapping.
     *
     * @param where   how messages place its keys, e.g. "in profile 'quick_answer'"
     * @param what    what it is, e.g. "profile 'quick_answer'"
     * @param example what a right value looks like, e.g. "{max_steps: 5}"
     */
    YamlMap map(Node node, String where, String what, String example) {
        if (isNull(node)) {
            return new YamlMap(this, node, where);
        }
        checkTag(node, what);
        if (!(node instanceof MappingNode)) {
            throw error(node, what + " must be a mapping of keys to values, like " + example
                    + ", but was " + describe(node));
        }
        return new YamlMap(this, (MappingNode) node, where);
    }

    /** A list; a null value is an empty list. */
    List<Node> sequence(Node node, String what, String example) {
        if (isNull(node)) {
            return List.of();
        }
        checkTag(node, what);
        if (!(node instanceof SequenceNode)) {
            throw error(node, what + " must be a list of entries, each starting with '- ', like " + example
                    + ", but was " + describe(node));
        }
        return ((SequenceNode) node).getValue();
    }

    /** A non-empty text; numbers and booleans count as their literal text. */
    String text(Node node, String what, String example) {
        if (isNull(node)) {
            throw error(node, what + " has no value; write one, e.g. " + example);
        }
        checkTag(node, what);
        if (!(node instanceof ScalarNode)) {
            throw error(node, what + " must be a single value, like " + example + ", but was " + describe(node));
        }
        String value = ((ScalarNode) node).getValue().strip();
        if (value.isEmpty()) {
            throw error(node, what + " is empty; write a value, e.g. " + example);
        }
        return value;
    }

    /** One of {@code choices} (lower case), ignoring case. */
    String choice(Node node, String what, List<String> choices) {
        String value = text(node, what, choices.get(0));
        String lower = value.toLowerCase(Locale.ROOT);
        if (choices.contains(lower)) {
            return lower;
        }
        throw error(node, what + " must be one of " + String.join(", ", choices) + ", but was '" + value + "'"
                + Suggestions.nearest(value, choices).map(s -> "; did you mean '" + s + "'?").orElse(""));
    }

    boolean bool(Node node, String what) {
        if (!isNull(node)) {
            checkTag(node, what);
        }
        if (!isNull(node) && node.getTag().equals(Tag.BOOL)) {
            return (Boolean) construct((ScalarNode) node, what, "true or false");
        }
        throw error(node, what + " must be true or false, but was " + describe(node));
    }

    /**
     * A whole number in {@code [min, max]}.
     *
     * @param orElse the other way out, appended to range errors, e.g. ", or remove the key for no limit"
     */
    long wholeNumber(Node node, String what, long min, long max, String orElse) {
        String expected = what + " must be a whole number of at least " + min;
        if (isNull(node)) {
            throw error(node, what + " has no value; write a whole number of at least " + min + orElse);
        }
        checkTag(node, what);
        if (!node.getTag().equals(Tag.INT)) {
            String hint = node.getTag().equals(Tag.FLOAT) ? "; write it without a fraction"
                    : isQuotedNumber(node) ? "; write it without quotes"
                    : "; write digits, e.g. " + Math.max(min, 5) + orElse;
            throw error(node, expected + ", but was " + describe(node) + hint);
        }
        BigInteger value = toBigInteger(construct((ScalarNode) node, what, "a whole number"));
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            throw error(node, expected + ", but was " + value + "; write " + min + " or more" + orElse);
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(node, what + " is too large: " + value + "; write at most " + max + orElse);
        }
        return value.longValue();
    }

    /**
     * A finite number greater than 0 and at most {@code max}; whole numbers are fine.
     *
     * @param advice what to write instead, e.g. "; write e.g. 10, or remove the key for no limit"
     */
    double positiveNumber(Node node, String what, double max, String advice) {
        String range = max == Double.MAX_VALUE ? "a number greater than 0"
                : "a number greater than 0 and at most " + format(max);
        if (isNull(node)) {
            throw error(node, what + " has no value; it must be " + range + advice);
        }
        checkTag(node, what);
        if (!node.getTag().equals(Tag.INT) && !node.getTag().equals(Tag.FLOAT)) {
            String hint = isQuotedNumber(node) ? "; write it without quotes" : advice;
            throw error(node, what + " must be " + range + ", but was " + describe(node) + hint);
        }
        double value = ((Number) construct((ScalarNode) node, what, "a number")).doubleValue();
        if (!(value > 0) || value > max || Double.isInfinite(value)) {
            throw error(node, what + " must be " + range + ", but was " + ((ScalarNode) node).getValue() + advice);
        }
        return value;
    }

    /** Refuses explicit tags other than YAML's standard ones: they would ask for an object we never build. */
    private void checkTag(Node node, String what) {
        Tag tag = node.getTag();
        boolean standard = node instanceof MappingNode ? tag.equals(Tag.MAP)
                : node instanceof SequenceNode ? tag.equals(Tag.SEQ) : SCALAR_TAGS.contains(tag);
        if (!standard) {
            throw error(node, "the YAML tag '" + tag.getValue().replace(Tag.PREFIX, "!!") + "' is not supported for " + what
                    + "; remove the tag and write the plain value");
        }
    }

    /** How a wrong value reads in a message. */
    static String describe(Node node) {
        if (isNull(node)) {
            return "empty";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** SnakeYAML's value of an int, float or bool scalar; an explicit tag can force one onto any text. */
    private Object construct(ScalarNode node, String what, String expected) {
        Object value;
        try {
            value = scalars.construct(node);
        } catch (RuntimeException e) {
            value = null;
        }
        if (value == null) {
            throw error(node, what + " must be " + expected + ", but was '" + node.getValue()
                    + "'; remove the tag '" + node.getTag().getValue().replace(Tag.PREFIX, "!!") + "' and write "
                    + expected);
        }
        return value;
    }

    private static boolean isQuotedNumber(Node node) {
        return node instanceof ScalarNode && !((ScalarNode) node).isPlain()
                && ((ScalarNode) node).getValue().trim().matches("[-+]?[0-9][0-9_]*(\\.[0-9]*)?");
    }

    private static BigInteger toBigInteger(Object number) {
        return number instanceof BigInteger ? (BigInteger) number : BigInteger.valueOf(((Number) number).longValue());
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /**
     * SnakeYAML's own reading of YAML 1.1 numbers and booleans (1_000, 0x1F, .5, yes/no), applied
     * only to nodes the resolver tagged int, float or bool: no other constructor is reachable.
     */
    private static final class Scalars extends SafeConstructor {
        Scalars(LoaderOptions options) {
            super(options);
        }

        Object construct(ScalarNode node) {
            return constructObject(node);
        }
    }
}
