package io.budget4j.config;

/**
 * A configuration that cannot be used. The message starts with where the problem is
 * ({@code budgets.yaml:4:5:}, the form compilers use, so IDEs and terminals link to it), then says
 * what is wrong and what would be right.
 */
public class BudgetConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * @param source the file (or other source) of the configuration
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param problem what is wrong and what would be right, without the location
     */
    public BudgetConfigException(String source, int line, int column, String problem) {
        this(source, line, column, problem, null);
    }

    public BudgetConfigException(String source, int line, int column, String problem, Throwable cause) {
        super(location(source, line, column) + problem, cause);
        this.source = source;
        this.line = Math.max(0, line);
        this.column = line > 0 ? Math.max(0, column) : 0;
    }

    /** The file (or other source) of the configuration. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or 0 when unknown. */
    public int column() {
        return column;
    }

    private static String location(String source, int line, int column) {
        StringBuilder s = new StringBuilder(source == null ? "<unknown>" : source);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        return s.append(": ").toString();
    }
}
