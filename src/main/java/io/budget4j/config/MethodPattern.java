package io.budget4j.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which methods a rule applies to: {@code Type#method} or {@code Type#method(param.Type, ...)}.
 *
 * <ul>
 *   <li>Type and method names may use {@code *} for any run of characters within one name part
 *       (not across a {@code .}), and {@code **} for any run including dots:
 *       {@code com.acme.tools.*#execute}, {@code com.acme.**Bot#handle*}.</li>
 *   <li>Nested classes are written with {@code $}, as in their binary name: {@code com.acme.Outer$Inner}.</li>
 *   <li>A parameter list narrows overloads: fully qualified types, primitives, arrays
 *       ({@code byte[]}, {@code java.lang.String...}) and {@code *} for any one parameter;
 *       {@code ()} means no parameters. Without a list, every overload matches.</li>
 * </ul>
 *
 * Whether {@code Type} also covers its subtypes is the matcher's business (the agent's); this
 * class only matches names.
 */
public final class MethodPattern {
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float",
            "double");
    private static final String ANY_PARAMETER = "*";

    private final String text;
    private final String typePart;
    private final Pattern typeRegex;
    private final Pattern methodRegex;
    private final List<String> parameters; // null: any parameters

    private MethodPattern(String text, String typePart, String methodPart, List<String> parameters) {
        this.text = text;
        this.typePart = typePart;
        this.typeRegex = glob(typePart);
        this.methodRegex = glob(methodPart);
        this.parameters = parameters;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text} and how to write it
     */
    public static MethodPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("the method pattern is empty; write Type#method, e.g. com.acme.Bot#handle");
        }
        String pattern = text.strip();
        int hash = pattern.indexOf('#');
        if (hash < 0) {
            throw invalid("'" + pattern + "' has no '#' between type and method; write Type#method"
                    + suggestHash(pattern));
        }
        if (pattern.indexOf('#', hash + 1) >= 0) {
            throw invalid("'" + pattern + "' has more than one '#'; write exactly one, between type and method: "
                    + "Type#method");
        }
        String typePart = pattern.substring(0, hash).strip();
        String rest = pattern.substring(hash + 1).strip();
        int open = rest.indexOf('(');
        int close = rest.indexOf(')');
        if (open >= 0 || close >= 0) {
            if (open < 0 || close < open || rest.indexOf('(', open + 1) >= 0 || rest.indexOf(')', close + 1) >= 0) {
                throw invalid("'" + pattern + "' has unbalanced parentheses; write one parameter list at the end: "
                        + "Type#method(param.Type, ...)");
            }
            if (close != rest.length() - 1) {
                throw invalid("'" + pattern + "' has text after ')'; the parameter list must end the pattern");
            }
        }
        String methodPart = open < 0 ? rest : rest.substring(0, open).strip();
        if (typePart.isEmpty()) {
            throw invalid("'" + pattern + "' has no type before '#'; write the fully qualified class name, "
                    + "e.g. com.acme.Bot#handle, or ** for any type");
        }
        if (methodPart.isEmpty()) {
            throw invalid("'" + pattern + "' has no method name after '#'; write the method name, e.g. "
                    + typePart + "#handle, or * for any method");
        }
        checkName(pattern, typePart, "type", true);
        checkName(pattern, methodPart, "method", false);
        List<String> parameters = open < 0 ? null : parseParameters(pattern, rest.substring(open + 1, close));
        return new MethodPattern(pattern, typePart, methodPart, parameters);
    }

    /** The pattern as written (without surrounding blanks). */
    public String text() {
        return text;
    }

    /** Whether a type's binary name ({@code com.acme.Outer$Inner}) matches the type part. */
    public boolean matchesTypeName(String binaryName) {
        return binaryName != null && typeRegex.matcher(binaryName).matches();
    }

    public boolean matchesMethodName(String name) {
        return name != null && methodRegex.matcher(name).matches();
    }

    /**
     * Whether a method's parameter types match the parameter list; true when the pattern has none.
     * Names are binary names ({@code com.acme.Outer$Inner}), primitives by keyword, arrays as
     * {@code java.lang.String[]} (descriptor forms like {@code [Ljava.lang.String;} are accepted too).
     */
    public boolean matchesParameters(List<String> typeNames) {
        if (parameters == null) {
            return true;
        }
        if (typeNames.size() != parameters.size()) {
            return false;
        }
        for (int i = 0; i < parameters.size(); i++) {
            String expected = parameters.get(i);
            if (!expected.equals(ANY_PARAMETER) && !expected.equals(sourceArrayForm(typeNames.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** True when the type part has no wildcard: {@link #typeName()} is then a class name. */
    public boolean isExactType() {
        return typePart.indexOf('*') < 0;
    }

    /**
     * The type part as written: a binary class name when {@link #isExactType()} (to look up the type
     * and its subtypes), else the wildcard pattern.
     */
    public String typeName() {
        return typePart;
    }

    /**
     * The parameter list as normalized types ({@code *} for any one, arrays as {@code T[]}), or empty
     * when the pattern has none (every overload matches).
     */
    public Optional<List<String>> parameterTypes() {
        return Optional.ofNullable(parameters);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MethodPattern && ((MethodPattern) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private static List<String> parseParameters(String pattern, String list) {
        if (list.isBlank()) {
            return List.of();
        }
        String[] entries = list.split(",", -1);
        List<String> parameters = new ArrayList<>(entries.length);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                throw invalid("'" + pattern + "' has an empty parameter at position " + (i + 1)
                        + "; remove the extra comma, or write * for any one parameter");
            }
            parameters.add(parameter(pattern, entry));
        }
        return Collections.unmodifiableList(parameters);
    }

    private static String parameter(String pattern, String entry) {
        if (entry.equals(ANY_PARAMETER)) {
            return entry;
        }
        if (entry.indexOf('<') >= 0 || entry.indexOf('>') >= 0) {
            throw invalid("parameter '" + entry + "' in '" + pattern + "' has type arguments, which are not part "
                    + "of a method's signature; write the raw type, e.g. " + entry.substring(0, entry.indexOf('<') < 0
                    ? entry.indexOf('>') : entry.indexOf('<')).strip());
        }
        String base = entry;
        int dimensions = 0;
        if (base.endsWith("...")) {
            base = base.substring(0, base.length() - 3).strip();
            dimensions++;
        }
        while (base.endsWith("]")) {
            int bracket = base.lastIndexOf('[');
            if (bracket < 0 || !base.substring(bracket + 1, base.length() - 1).isBlank()) {
                throw invalid("parameter '" + entry + "' in '" + pattern + "' has unbalanced brackets; write arrays "
                        + "as type[], e.g. byte[] or java.lang.String[]");
            }
            base = base.substring(0, bracket).strip();
            dimensions++;
        }
        if (base.indexOf('*') >= 0) {
            throw invalid("parameter '" + entry + "' in '" + pattern + "' has a wildcard; write the fully qualified "
                    + "type, or * alone for any one parameter");
        }
        if (base.indexOf('[') >= 0 || base.indexOf(']') >= 0) {
            throw invalid("parameter '" + entry + "' in '" + pattern + "' has unbalanced brackets; write arrays "
                    + "as type[], e.g. byte[] or java.lang.String[]");
        }
        checkName(pattern, base, "parameter type", true);
        if (base.indexOf('.') < 0 && !PRIMITIVES.contains(base)) {
            String qualified = isJavaLang(base) ? "java.lang." + base : "com.acme." + base;
            throw invalid("parameter type '" + base + "' in '" + pattern + "' must be fully qualified (or a "
                    + "primitive); write e.g. " + qualified);
        }
        return base + "[]".repeat(dimensions);
    }

    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Checks a dotted name (or one method name): each part a Java identifier, where {@code *} and
     * {@code $} may appear anywhere; a part made only of wildcards is fine.
     */
    private static void checkName(String pattern, String name, String what, boolean dotted) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' && !dotted) {
                throw invalid("the " + what + " name '" + name + "' in '" + pattern + "' contains '.'; the type goes "
                        + "before '#' and the method name after it: Type#method");
            }
            if (c != '.' && c != '*' && c != '$' && !Character.isJavaIdentifierPart(c)
                    || Character.isIdentifierIgnorable(c)) {
                throw invalid("'" + describeChar(c) + "' cannot appear in the " + what + " name '" + name + "' in '"
                        + pattern + "'; names may use letters, digits, _ and $, with * and ** as wildcards");
            }
        }
        String[] parts = name.split("\\.", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw invalid("the " + what + " name '" + name + "' in '" + pattern + "' has an empty part between "
                        + "dots; remove the extra '.', or use ** to match any number of packages");
            }
            char first = part.charAt(0);
            if (first != '*' && first != '$' && !Character.isJavaIdentifierStart(first)) {
                throw invalid("'" + part + "' in '" + pattern + "' is not a valid Java name: it starts with '"
                        + first + "'; a name starts with a letter, _ or $ (or a wildcard *)");
            }
        }
    }

    private static String describeChar(char c) {
        return Character.isWhitespace(c) ? "a space" : String.valueOf(c);
    }

    private static String suggestHash(String pattern) {
        int dot = pattern.lastIndexOf('.');
        if (dot > 0 && dot < pattern.length() - 1 && pattern.indexOf('(') < 0) {
            return ", e.g. " + pattern.substring(0, dot) + "#" + pattern.substring(dot + 1);
        }
        return ", e.g. com.acme.Bot#handle";
    }

    /** {@code **} is any run, {@code *} any run without a dot, anything else literal. */
    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*') {
                literal.append(c);
                continue;
            }
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else {
                regex.append("[^.]*");
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }

    /** {@code [Ljava.lang.String;} and {@code [B} (as Class.getName() spells arrays) to {@code java.lang.String[]}, {@code byte[]}. */
    private static String sourceArrayForm(String name) {
        if (name == null || !name.startsWith("[")) {
            return name;
        }
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = name.substring(dimensions);
        String base;
        if (element.startsWith("L") && element.endsWith(";")) {
            base = element.substring(1, element.length() - 1);
        } else {
            base = switch (element) {
                case "Z" -> "boolean";
                case "B" -> "byte";
                case "C" -> "char";
                case "S" -> "short";
                case "I" -> "int";
                case "J" -> "long";
                case "F" -> "float";
                case "D" -> "double";
                default -> element;
            };
        }
        return base + "[]".repeat(dimensions);
    }

    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException("invalid method pattern: " + message);
    }
}
