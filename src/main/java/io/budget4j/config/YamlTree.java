package io.budget4j.config;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns YAML text into SnakeYAML's node tree, never into objects: the tree keeps each value's
 * line and column, and no type named in the file is ever constructed.
 */
final class YamlTree {
    /** Enough for a few shared profiles via anchors; low, so an alias bomb fails at once. */
    static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 20;
    private static final int MAX_CODE_POINTS = 1 << 20;

    private YamlTree() {
    }

    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        // '<<: *base' merges a shared profile; explicit duplicate keys are still kept, and caught by YamlMap
        options.setMergeOnCompose(true);
        return options;
    }

    /** The document's root node, or null for an empty document (only comments, or nothing). */
    static Node compose(String yaml, String source) {
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        LoaderOptions options = loaderOptions();
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                    new Resolver(), options);
            return composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            throw syntaxError(e, source);
        } catch (YAMLException e) {
            throw new BudgetConfigException(source, 0, 0, "cannot read the YAML: " + e.getMessage()
                    + adviceFor(e.getMessage()), e);
        }
    }

    private static BudgetConfigException syntaxError(MarkedYAMLException e, String source) {
        Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = String.valueOf(e.getProblem());
        if (problem.startsWith("Global tag is not allowed")) {
            String tag = problem.substring(problem.indexOf(':') + 1).strip().replace("tag:yaml.org,2002:", "!!");
            return located(source, at, "the YAML tag '" + tag + "' is not allowed: budget4j reads plain values "
                    + "only and never builds objects from tags; remove the tag", e);
        }
        StringBuilder message = new StringBuilder("YAML syntax error: ");
        if (e.getContext() != null) {
            // "while parsing a flow mapping at line 2, expected ',' or '}', but got <stream end>"
            message.append(e.getContext());
            Mark context = e.getContextMark();
            if (context != null && at != null && context.getLine() != at.getLine()) {
                message.append(" at line ").append(context.getLine() + 1);
            }
            message.append(", ");
        }
        message.append(problem).append(adviceFor(problem + " " + e.getContext()));
        return located(source, at, message.toString(), e);
    }

    private static BudgetConfigException located(String source, Mark at, String problem, Exception cause) {
        return at == null
                ? new BudgetConfigException(source, 0, 0, problem, cause)
                : new BudgetConfigException(source, at.getLine() + 1, at.getColumn() + 1, problem, cause);
    }

    private static String adviceFor(String message) {
        String m = String.valueOf(message);
        if (m.contains("another document")) {
            return "; keep a single document: remove the '---' separator and merge the parts";
        }
        if (m.contains("aliases")) {
            return "; use at most " + MAX_ALIASES + " aliases (*name), or write the values out";
        }
        if (m.contains("undefined alias")) {
            return "; define the anchor (&name) before the alias (*name) that uses it";
        }
        if (m.contains("Expected mapping node")) {
            return "; '<<' merges mappings only: write '<<: *name' where &name marks a mapping";
        }
        if (m.contains("Nesting Depth")) {
            return "; a budget4j configuration needs only a few levels: check the indentation and brackets";
        }
        if (m.contains("TAB")) {
            return "; indent with spaces only";
        }
        if (m.contains("mapping values are not allowed")) {
            return "; indent each key under its parent with spaces, and quote values that contain ': '";
        }
        return "; check the indentation (spaces only, the same for keys of one level), quotes and brackets";
    }
}
