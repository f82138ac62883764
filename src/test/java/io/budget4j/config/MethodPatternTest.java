package io.budget4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MethodPatternTest {

    private static void assertInvalid(String expectedMessage, String pattern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse(pattern));
        assertEquals(expectedMessage, e.getMessage());
    }

    // --- matching

    @Test
    void anExactTypeMatchesOnlyThatName() {
        MethodPattern p = MethodPattern.parse("com.acme.SupportBot#handle");

        assertTrue(p.isExactType());
        assertEquals("com.acme.SupportBot", p.typeName());
        assertTrue(p.matchesTypeName("com.acme.SupportBot"));
        assertFalse(p.matchesTypeName("com.acme.SupportBotV2"));
        assertFalse(p.matchesTypeName("com.acme.sub.SupportBot"));
        assertFalse(p.matchesTypeName("comXacme.SupportBot"), "a dot is literal, not any character");
        assertTrue(p.matchesMethodName("handle"));
        assertFalse(p.matchesMethodName("handleAll"));
    }

    @Test
    void aNestedClassIsWrittenWithDollarAsInItsBinaryName() {
        MethodPattern p = MethodPattern.parse("com.acme.Outer$Inner#run");

        assertTrue(p.isExactType());
        assertEquals("com.acme.Outer$Inner", p.typeName());
        assertTrue(p.matchesTypeName("com.acme.Outer$Inner"));
        assertFalse(p.matchesTypeName("com.acme.Outer.Inner"));
    }

    @Test
    void singleStarMatchesWithinOneNamePart() {
        MethodPattern p = MethodPattern.parse("com.acme.tools.*#execute");

        assertFalse(p.isExactType());
        assertTrue(p.matchesTypeName("com.acme.tools.WebSearch"));
        assertTrue(p.matchesTypeName("com.acme.tools.Outer$Inner"));
        assertFalse(p.matchesTypeName("com.acme.tools.web.WebSearch"));
        assertFalse(p.matchesTypeName("com.acme.toolsX.WebSearch"));
    }

    @Test
    void singleStarInThePackageSpansOnePackage() {
        MethodPattern p = MethodPattern.parse("com.acme.*.Bot#run");

        assertTrue(p.matchesTypeName("com.acme.support.Bot"));
        assertFalse(p.matchesTypeName("com.acme.a.b.Bot"));
        assertFalse(p.matchesTypeName("com.acme.Bot"));
    }

    @Test
    void starWithinANameMatchesPrefixesAndSuffixes() {
        MethodPattern p = MethodPattern.parse("com.acme.*Bot#handle*");

        assertTrue(p.matchesTypeName("com.acme.SupportBot"));
        assertTrue(p.matchesTypeName("com.acme.Bot"));
        assertFalse(p.matchesTypeName("com.acme.SupportBotFactory"));
        assertTrue(p.matchesMethodName("handle"));
        assertTrue(p.matchesMethodName("handleRequest"));
        assertFalse(p.matchesMethodName("rehandle"));
    }

    @Test
    void doubleStarMatchesAcrossPackages() {
        MethodPattern p = MethodPattern.parse("com.acme.**#run");

        assertTrue(p.matchesTypeName("com.acme.Bot"));
        assertTrue(p.matchesTypeName("com.acme.a.b.c.Bot"));
        assertFalse(p.matchesTypeName("com.other.Bot"));

        MethodPattern anyPackage = MethodPattern.parse("**.SupportBot#handle");
        assertTrue(anyPackage.matchesTypeName("org.example.deep.SupportBot"));
        assertFalse(anyPackage.matchesTypeName("SupportBot"), "'**.' needs at least one package");

        MethodPattern anything = MethodPattern.parse("**#*");
        assertTrue(anything.matchesTypeName("SupportBot"));
        assertTrue(anything.matchesMethodName("whatever"));
    }

    @Test
    void withoutAParameterListEveryOverloadMatches() {
        MethodPattern p = MethodPattern.parse("com.acme.Client#complete");

        assertEquals(Optional.empty(), p.parameterTypes());
        assertTrue(p.matchesParameters(List.of()));
        assertTrue(p.matchesParameters(List.of("java.lang.String", "int")));
    }

    @Test
    void emptyParenthesesMeanNoParameters() {
        MethodPattern p = MethodPattern.parse("com.acme.Client#complete()");

        assertEquals(Optional.of(List.of()), p.parameterTypes());
        assertTrue(p.matchesParameters(List.of()));
        assertFalse(p.matchesParameters(List.of("java.lang.String")));
        assertTrue(p.matchesMethodName("complete"));
    }

    @Test
    void aParameterListNarrowsOverloads() {
        MethodPattern p = MethodPattern.parse("com.acme.Client#complete(java.lang.String, int)");

        assertTrue(p.matchesParameters(List.of("java.lang.String", "int")));
        assertFalse(p.matchesParameters(List.of("java.lang.String")));
        assertFalse(p.matchesParameters(List.of("java.lang.String", "long")));
        assertFalse(p.matchesParameters(List.of("java.lang.CharSequence", "int")));
        assertEquals("com.acme.Client", p.typeName());
        assertTrue(p.matchesMethodName("complete"));
    }

    @Test
    void starStandsForAnyOneParameter() {
        MethodPattern p = MethodPattern.parse("com.acme.Client#complete(*, int)");

        assertTrue(p.matchesParameters(List.of("java.lang.String", "int")));
        assertTrue(p.matchesParameters(List.of("com.acme.Request$Body", "int")));
        assertFalse(p.matchesParameters(List.of("int")));
        assertFalse(p.matchesParameters(List.of("java.lang.String", "int", "int")));
    }

    @Test
    void arraysAndVarargsMatchInSourceAndDescriptorForm() {
        MethodPattern p = MethodPattern.parse("com.acme.Codec#decode(byte[], java.lang.String..., int[][])");

        assertEquals(Optional.of(List.of("byte[]", "java.lang.String[]", "int[][]")), p.parameterTypes());
        assertTrue(p.matchesParameters(List.of("byte[]", "java.lang.String[]", "int[][]")));
        assertTrue(p.matchesParameters(List.of("[B", "[Ljava.lang.String;", "[[I")));
        assertFalse(p.matchesParameters(List.of("byte", "java.lang.String", "int[]")));
    }

    @Test
    void nestedParameterTypesUseDollar() {
        MethodPattern p = MethodPattern.parse("com.acme.Bot#handle(com.acme.Bot$Request)");

        assertTrue(p.matchesParameters(List.of("com.acme.Bot$Request")));
    }

    @Test
    void textIsThePatternAsWrittenWithoutSurroundingBlanks() {
        MethodPattern p = MethodPattern.parse("  com.acme.Bot#handle(int)  ");

        assertEquals("com.acme.Bot#handle(int)", p.text());
        assertEquals("com.acme.Bot#handle(int)", p.toString());
        assertEquals(MethodPattern.parse("com.acme.Bot#handle(int)"), p);
    }

    // --- invalid forms: each says what is wrong and how to write it

    @Test
    void emptyPattern() {
        assertInvalid("invalid method pattern: the method pattern is empty; write Type#method, e.g. "
                + "com.acme.Bot#handle", "  ");
        assertInvalid("invalid method pattern: the method pattern is empty; write Type#method, e.g. "
                + "com.acme.Bot#handle", null);
    }

    @Test
    void missingHash() {
        assertInvalid("invalid method pattern: 'com.acme.Bot.handle' has no '#' between type and method; write "
                + "Type#method, e.g. com.acme.Bot#handle", "com.acme.Bot.handle");
        assertInvalid("invalid method pattern: 'handle' has no '#' between type and method; write Type#method, "
                + "e.g. com.acme.Bot#handle", "handle");
    }

    @Test
    void twoHashes() {
        assertInvalid("invalid method pattern: 'com.acme.Bot#handle#run' has more than one '#'; write exactly one, "
                + "between type and method: Type#method", "com.acme.Bot#handle#run");
    }

    @Test
    void emptyTypePart() {
        assertInvalid("invalid method pattern: '#handle' has no type before '#'; write the fully qualified class "
                + "name, e.g. com.acme.Bot#handle, or ** for any type", "#handle");
    }

    @Test
    void emptyMethodPart() {
        assertInvalid("invalid method pattern: 'com.acme.Bot#' has no method name after '#'; write the method name, "
                + "e.g. com.acme.Bot#handle, or * for any method", "com.acme.Bot#");
        assertInvalid("invalid method pattern: 'com.acme.Bot#(int)' has no method name after '#'; write the method "
                + "name, e.g. com.acme.Bot#handle, or * for any method", "com.acme.Bot#(int)");
    }

    @Test
    void charactersThatCannotAppearInJavaNames() {
        assertInvalid("invalid method pattern: '-' cannot appear in the type name 'com.acme.Support-Bot' in "
                + "'com.acme.Support-Bot#handle'; names may use letters, digits, _ and $, with * and ** as wildcards",
                "com.acme.Support-Bot#handle");
        assertInvalid("invalid method pattern: 'a space' cannot appear in the type name 'com.acme.Support Bot' in "
                + "'com.acme.Support Bot#handle'; names may use letters, digits, _ and $, with * and ** as "
                + "wildcards", "com.acme.Support Bot#handle");
        assertInvalid("invalid method pattern: '?' cannot appear in the method name 'handle?' in "
                + "'com.acme.Bot#handle?'; names may use letters, digits, _ and $, with * and ** as wildcards",
                "com.acme.Bot#handle?");
        assertInvalid("invalid method pattern: '<' cannot appear in the method name '<init>' in "
                + "'com.acme.Bot#<init>'; names may use letters, digits, _ and $, with * and ** as wildcards",
                "com.acme.Bot#<init>");
    }

    @Test
    void aDotInTheMethodName() {
        assertInvalid("invalid method pattern: the method name 'Bot.handle' in 'com.acme#Bot.handle' contains '.'; "
                + "the type goes before '#' and the method name after it: Type#method", "com.acme#Bot.handle");
    }

    @Test
    void aNamePartStartingWithADigit() {
        assertInvalid("invalid method pattern: '1acme' in 'com.1acme.Bot#run' is not a valid Java name: it starts "
                + "with '1'; a name starts with a letter, _ or $ (or a wildcard *)", "com.1acme.Bot#run");
        assertInvalid("invalid method pattern: '2run' in 'com.acme.Bot#2run' is not a valid Java name: it starts "
                + "with '2'; a name starts with a letter, _ or $ (or a wildcard *)", "com.acme.Bot#2run");
    }

    @Test
    void anEmptyNamePartBetweenDots() {
        assertInvalid("invalid method pattern: the type name 'com..acme.Bot' in 'com..acme.Bot#run' has an empty "
                + "part between dots; remove the extra '.', or use ** to match any number of packages",
                "com..acme.Bot#run");
        assertInvalid("invalid method pattern: the type name 'com.acme.' in 'com.acme.#run' has an empty part "
                + "between dots; remove the extra '.', or use ** to match any number of packages", "com.acme.#run");
    }

    @Test
    void unbalancedParentheses() {
        String advice = " has unbalanced parentheses; write one parameter list at the end: "
                + "Type#method(param.Type, ...)";
        assertInvalid("invalid method pattern: 'com.acme.Bot#run(int'" + advice, "com.acme.Bot#run(int");
        assertInvalid("invalid method pattern: 'com.acme.Bot#run)'" + advice, "com.acme.Bot#run)");
        assertInvalid("invalid method pattern: 'com.acme.Bot#run((int))'" + advice, "com.acme.Bot#run((int))");
        assertInvalid("invalid method pattern: 'com.acme.Bot#run)int('" + advice, "com.acme.Bot#run)int(");
    }

    @Test
    void textAfterTheParameterList() {
        assertInvalid("invalid method pattern: 'com.acme.Bot#run(int)x' has text after ')'; the parameter list must "
                + "end the pattern", "com.acme.Bot#run(int)x");
    }

    @Test
    void emptyParameterEntry() {
        assertInvalid("invalid method pattern: 'a.B#c(a.A,,b.B)' has an empty parameter at position 2; remove the "
                + "extra comma, or write * for any one parameter", "a.B#c(a.A,,b.B)");
        assertInvalid("invalid method pattern: 'a.B#c(int,)' has an empty parameter at position 2; remove the extra "
                + "comma, or write * for any one parameter", "a.B#c(int,)");
        assertInvalid("invalid method pattern: 'a.B#c(,)' has an empty parameter at position 1; remove the extra "
                + "comma, or write * for any one parameter", "a.B#c(,)");
    }

    @Test
    void parameterTypesMustBeFullyQualified() {
        assertInvalid("invalid method pattern: parameter type 'String' in 'a.B#c(String)' must be fully qualified (or "
                + "a primitive); write e.g. java.lang.String", "a.B#c(String)");
        assertInvalid("invalid method pattern: parameter type 'Request' in 'a.B#c(Request)' must be fully qualified "
                + "(or a primitive); write e.g. com.acme.Request", "a.B#c(Request)");
    }

    @Test
    void genericParameterTypes() {
        assertInvalid("invalid method pattern: parameter 'java.util.List<java.lang.String>' in "
                + "'a.B#c(java.util.List<java.lang.String>)' has type arguments, which are not part of a method's "
                + "signature; write the raw type, e.g. java.util.List", "a.B#c(java.util.List<java.lang.String>)");
    }

    @Test
    void wildcardsInsideAParameterType() {
        assertInvalid("invalid method pattern: parameter 'java.lang.*' in 'a.B#c(java.lang.*)' has a wildcard; write "
                + "the fully qualified type, or * alone for any one parameter", "a.B#c(java.lang.*)");
    }

    @Test
    void unbalancedArrayBrackets() {
        assertInvalid("invalid method pattern: parameter 'byte[' in 'a.B#c(byte[)' has unbalanced brackets; write "
                + "arrays as type[], e.g. byte[] or java.lang.String[]", "a.B#c(byte[)");
        assertInvalid("invalid method pattern: parameter 'byte[x]' in 'a.B#c(byte[x])' has unbalanced brackets; "
                + "write arrays as type[], e.g. byte[] or java.lang.String[]", "a.B#c(byte[x])");
    }
}
