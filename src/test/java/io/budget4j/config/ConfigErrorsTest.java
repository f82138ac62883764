package io.budget4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a configuration can be wrong, and the message that says where and what would be right. */
class ConfigErrorsTest {

    private static BudgetConfigException error(String yaml) {
        return assertThrows(BudgetConfigException.class, () -> BudgetConfig.parse(yaml, "budgets.yaml"));
    }

    private static void assertError(String expectedMessage, String yaml) {
        assertEquals(expectedMessage, error(yaml).getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndWhatToCheck() {
        BudgetConfigException e = error("""
                budgets:
                  quick_answer: {max_steps: 5
                """);

        assertEquals("budgets.yaml:3:1: YAML syntax error: while parsing a flow mapping at line 2, expected ',' "
                + "or '}', but got <stream end>; check the indentation (spaces only, the same for keys of one "
                + "level), quotes and brackets", e.getMessage());
        assertEquals("budgets.yaml", e.source());
        assertEquals(3, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void tabIndentationIsASyntaxErrorThatSaysUseSpaces() {
        assertError("budgets.yaml:2:1: YAML syntax error: while scanning for the next token, found character "
                + "'\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation); indent with "
                + "spaces only", "budgets:\n\tquick_answer: {}\n");
    }

    @Test
    void twoDocumentsInOneFileAreRefused() {
        assertError("budgets.yaml:2:1: YAML syntax error: expected a single document in the stream at line 1, "
                + "but found another document; keep a single document: remove the '---' separator and merge "
                + "the parts", "budgets: {}\n---\nquotas: {}\n");
    }

    @Test
    void duplicateKeyNamesBothLines() {
        BudgetConfigException e = error("""
                budgets:
                  quick_answer:
                    max_steps: 5
                    max_steps: 6
                """);

        assertEquals("budgets.yaml:4:5: duplicate key 'max_steps' in profile 'quick_answer' (first at line 3); "
                + "each key may appear only once: remove one of them", e.getMessage());
        assertEquals(4, e.line());
        assertEquals(5, e.column());
    }

    @Test
    void duplicateProfileIsRefused() {
        assertError("budgets.yaml:3:3: duplicate key 'quick_answer' in 'budgets' (first at line 2); each key may "
                + "appear only once: remove one of them", """
                budgets:
                  quick_answer: {max_steps: 5}
                  quick_answer: {max_steps: 6}
                """);
    }

    @Test
    void duplicateTopLevelKeyIsRefused() {
        assertError("budgets.yaml:2:1: duplicate key 'budgets' (first at line 1); each key may appear only once: "
                + "remove one of them", "budgets: {}\nbudgets: {}\n");
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearest() {
        assertError("budgets.yaml:1:1: unknown top-level key 'budget'; did you mean 'budgets'? Known keys: "
                + "budgets, defaults, outside_run, instrument, integrations, quotas", "budget:\n  q: {}\n");
    }

    @Test
    void unknownTopLevelKeyWithNothingCloseListsTheKnownOnes() {
        assertError("budgets.yaml:1:1: unknown top-level key 'limits'; known keys: budgets, defaults, outside_run, "
                + "instrument, integrations, quotas", "limits: {}\n");
    }

    @Test
    void unknownKeyInAProfileSuggestsTheNearest() {
        BudgetConfigException e = error("""
                budgets:
                  quick_answer:
                    max_steps: 5
                    max_step: 3
                """);

        assertEquals("budgets.yaml:4:5: unknown key 'max_step' in profile 'quick_answer'; did you mean "
                + "'max_steps'? Known keys: max_steps, max_tokens, max_seconds, max_nested_tool_calls", e.getMessage());
    }

    @Test
    void camelCaseKeyInAProfileSuggestsTheYamlSpelling() {
        assertError("budgets.yaml:1:29: unknown key 'maxTokens' in profile 'q'; did you mean 'max_tokens'? "
                + "Known keys: max_steps, max_tokens, max_seconds, max_nested_tool_calls",
                "budgets: {q: {max_steps: 1, maxTokens: 5}}");
    }

    @Test
    void unknownKeyInDefaultsSuggestsProfile() {
        assertError("budgets.yaml:3:3: unknown key 'profil' in 'defaults'; did you mean 'profile'? Known keys: "
                + "profile", "budgets: {q: {}}\ndefaults:\n  profil: q\n");
    }

    @Test
    void negativeLimitSaysWhatIsAllowed() {
        assertError("budgets.yaml:2:29: max_steps in profile 'quick_answer' must be a whole number of at least 1, "
                + "but was -1; write 1 or more, or remove the key for no limit",
                "budgets:\n  quick_answer: {max_steps: -1}\n");
    }

    @Test
    void zeroLimitSaysWhatIsAllowed() {
        assertError("budgets.yaml:2:30: max_tokens in profile 'quick_answer' must be a whole number of at least 1, "
                + "but was 0; write 1 or more, or remove the key for no limit",
                "budgets:\n  quick_answer: {max_tokens: 0}\n");
        assertError("budgets.yaml:2:41: max_nested_tool_calls in profile 'quick_answer' must be a whole number of "
                + "at least 1, but was 0; write 1 or more, or remove the key for no limit",
                "budgets:\n  quick_answer: {max_nested_tool_calls: 0}\n");
    }

    @Test
    void zeroOrNegativeSecondsSaysWhatIsAllowed() {
        assertError("budgets.yaml:2:31: max_seconds in profile 'quick_answer' must be a number greater than 0, "
                + "but was 0; write e.g. 10 or 2.5, or remove the key for no limit",
                "budgets:\n  quick_answer: {max_seconds: 0}\n");
        assertError("budgets.yaml:2:31: max_seconds in profile 'quick_answer' must be a number greater than 0, "
                + "but was -0.5; write e.g. 10 or 2.5, or remove the key for no limit",
                "budgets:\n  quick_answer: {max_seconds: -0.5}\n");
    }

    @Test
    void infiniteSecondsAreRefusedInFavourOfLeavingTheKeyOut() {
        assertError("budgets.yaml:1:28: max_seconds in profile 'q' must be a number greater than 0, but was .inf; "
                + "write e.g. 10 or 2.5, or remove the key for no limit", "budgets: {q: {max_seconds: .inf}}");
    }

    @Test
    void nonNumericLimitAsksForDigits() {
        assertError("budgets.yaml:2:29: max_steps in profile 'quick_answer' must be a whole number of at least 1, "
                + "but was 'five'; write digits, e.g. 5, or remove the key for no limit",
                "budgets:\n  quick_answer: {max_steps: five}\n");
        assertError("budgets.yaml:2:31: max_seconds in profile 'quick_answer' must be a number greater than 0, "
                + "but was 'ten'; write e.g. 10 or 2.5, or remove the key for no limit",
                "budgets:\n  quick_answer: {max_seconds: ten}\n");
    }

    @Test
    void quotedNumberAsksToDropTheQuotes() {
        assertError("budgets.yaml:1:26: max_steps in profile 'q' must be a whole number of at least 1, but was "
                + "'5'; write it without quotes", "budgets: {q: {max_steps: '5'}}");
    }

    @Test
    void fractionalStepsAsksForAWholeNumber() {
        assertError("budgets.yaml:1:26: max_steps in profile 'q' must be a whole number of at least 1, but was "
                + "'2.5'; write it without a fraction", "budgets: {q: {max_steps: 2.5}}");
    }

    @Test
    void limitWithoutAValueAsksForOne() {
        assertError("budgets.yaml:3:15: max_steps in profile 'q' has no value; write a whole number of at least 1, "
                + "or remove the key for no limit", "budgets:\n  q:\n    max_steps:\n");
    }

    @Test
    void tooLargeLimitSaysTheLargest() {
        assertError("budgets.yaml:1:26: max_steps in profile 'q' is too large: 3000000000; write at most "
                + "2147483647, or remove the key for no limit", "budgets: {q: {max_steps: 3000000000}}");
    }

    @Test
    void aLimitWrittenAtTheProfilesLevelAsksToIndentIt() {
        assertError("budgets.yaml:3:14: 'max_steps' sits directly under 'budgets', where profile names go; indent "
                + "it under a profile, e.g. budgets: {quick_answer: {max_steps: 5}}", """
                budgets:
                  quick_answer:
                  max_steps: 5
                """);
    }

    @Test
    void aProfileThatIsNotAMappingShowsTheRightShape() {
        assertError("budgets.yaml:1:25: profile 'quick_answer' must be a mapping of keys to values, like "
                + "{max_steps: 5, max_tokens: 2000, max_seconds: 10}, but was '5'", "budgets: {quick_answer: 5}");
    }

    @Test
    void unknownProfileInDefaultsListsTheKnownProfiles() {
        assertError("budgets.yaml:5:12: unknown profile 'quick_anwser' in 'defaults'; did you mean "
                + "'quick_answer'? Known profiles: quick_answer, deep_research", """
                budgets:
                  quick_answer: {max_steps: 5}
                  deep_research: {max_steps: 20}
                defaults:
                  profile: quick_anwser
                """);
    }

    @Test
    void defaultsProfileWithNoProfilesDefinedSaysWhereToDefineIt() {
        assertError("budgets.yaml:1:21: unknown profile 'quick' in 'defaults'; no profiles are defined: add it under "
                + "'budgets:', e.g. budgets: {quick: {max_steps: 5}}", "defaults: {profile: quick}\n");
    }

    @Test
    void unknownProfileInARuleListsTheKnownProfiles() {
        assertError("budgets.yaml:6:14: unknown profile 'batch' in instrument rule #1; did you mean "
                + "'batch_processing'? Known profiles: quick_answer, batch_processing", """
                budgets:
                  quick_answer: {max_steps: 5}
                  batch_processing: {max_steps: 50}
                instrument:
                  - budgeted: com.acme.Bot#handle
                    profile: batch
                """);
        assertError("budgets.yaml:5:14: unknown profile 'nightly' in instrument rule #1; known profiles: "
                + "quick_answer", """
                budgets:
                  quick_answer: {max_steps: 5}
                instrument:
                  - budgeted: com.acme.Bot#handle
                    profile: nightly
                """);
    }

    @Test
    void invalidOutsideRunListsTheValidValues() {
        assertError("budgets.yaml:1:14: outside_run must be one of allow, deny, but was 'block'",
                "outside_run: block\n");
        assertError("budgets.yaml:1:14: outside_run must be one of allow, deny, but was 'alow'; did you mean "
                + "'allow'?", "outside_run: alow\n");
        // YAML 1.1 reads "no" as a boolean; the message still shows what was written and what is right.
        assertError("budgets.yaml:1:14: outside_run must be one of allow, deny, but was 'no'", "outside_run: no\n");
    }

    @Test
    void invalidMethodPatternInARulePointsAtThePattern() {
        assertError("budgets.yaml:2:15: invalid method pattern: 'com.acme.Bot.handle' has no '#' between type and "
                + "method; write Type#method, e.g. com.acme.Bot#handle",
                "instrument:\n  - budgeted: com.acme.Bot.handle\n");
        assertError("budgets.yaml:2:17: invalid method pattern: 'com.acme.Client#complete(java.lang.String,,int)' "
                + "has an empty parameter at position 2; remove the extra comma, or write * for any one parameter",
                "instrument:\n  - model_call: com.acme.Client#complete(java.lang.String,,int)\n");
    }

    @Test
    void ruleWithoutAPatternAsksForOne() {
        assertError("budgets.yaml:2:15: tool_call in instrument rule #1 has no value; write one, e.g. "
                + "com.acme.Bot#handle", "instrument:\n  - tool_call:\n    name: search\n");
    }

    @Test
    void ruleWithNoKindListsTheKinds() {
        assertError("budgets.yaml:2:5: instrument rule #1 has no kind; start it with one of budgeted, model_call, "
                + "tool_call, e.g. '- budgeted: com.acme.Bot#handle'", """
                instrument:
                  - profile: quick_answer
                budgets: {quick_answer: {}}
                """);
    }

    @Test
    void ruleWithTwoKindsAsksForOneRulePerKind() {
        BudgetConfigException e = error("""
                instrument:
                  - tool_call: com.acme.Tools#run
                  - budgeted: com.acme.Bot#handle
                    model_call: com.acme.Client#complete
                """);

        assertEquals("budgets.yaml:4:5: instrument rule #2 has two kinds, 'budgeted' and 'model_call'; a rule takes "
                + "exactly one of budgeted, model_call, tool_call: write one rule per kind", e.getMessage());
    }

    @Test
    void profileOnAModelCallRuleIsRefused() {
        assertError("budgets.yaml:4:5: 'profile' does not apply to a model_call rule (instrument rule #1); a "
                + "model_call rule takes: model; 'profile' belongs to a budgeted rule", """
                budgets: {quick_answer: {}}
                instrument:
                  - model_call: com.acme.Client#complete
                    profile: quick_answer
                """);
    }

    @Test
    void modelOnABudgetedRuleIsRefused() {
        assertError("budgets.yaml:3:5: 'model' does not apply to a budgeted rule (instrument rule #1); a budgeted "
                + "rule takes: profile, tenant_param; 'model' belongs to a model_call rule", """
                instrument:
                  - budgeted: com.acme.Bot#handle
                    model: gpt-4o-mini
                """);
    }

    @Test
    void unknownKeyInARuleSuggestsTheNearest() {
        assertError("budgets.yaml:3:5: unknown key 'modle' in instrument rule #1; did you mean 'model'? Known keys: "
                + "budgeted, model_call, tool_call, profile, tenant_param, model, name", """
                instrument:
                  - model_call: com.acme.Client#complete
                    modle: gpt-4o-mini
                """);
    }

    @Test
    void misspeltKindIsCaughtAsAnUnknownKey() {
        assertError("budgets.yaml:2:5: unknown key 'budgetted' in instrument rule #1; did you mean 'budgeted'? "
                + "Known keys: budgeted, model_call, tool_call, profile, tenant_param, model, name",
                "instrument:\n  - budgetted: com.acme.Bot#handle\n");
    }

    @Test
    void invalidTenantParamSaysWhatIsAllowed() {
        assertError("budgets.yaml:3:19: tenant_param in instrument rule #1 must be a whole number of at least 0, but "
                + "was -1; write 0 or more (0 is the first parameter), or name the parameter, e.g. "
                + "tenant_param: tenantId", "instrument:\n  - budgeted: a.B#c\n    tenant_param: -1\n");
        assertError("budgets.yaml:3:19: tenant_param in instrument rule #1 must be a parameter index (0 for the "
                + "first) or a parameter name like tenantId, but was 'tenant-id'",
                "instrument:\n  - budgeted: a.B#c\n    tenant_param: tenant-id\n");
    }

    @Test
    void instrumentThatIsNotAListShowsTheRightShape() {
        assertError("budgets.yaml:2:3: 'instrument' must be a list of entries, each starting with '- ', like "
                + "'- budgeted: com.acme.Bot#handle', but was a mapping",
                "instrument:\n  budgeted: com.acme.Bot#handle\n");
    }

    @Test
    void unknownIntegrationSuggestsTheNearest() {
        assertError("budgets.yaml:1:16: unknown key 'langchain' in 'integrations'; did you mean 'langchain4j'? "
                + "Known keys: langchain4j, spring_ai, openai", "integrations: {langchain: false}\n");
    }

    @Test
    void integrationSwitchMustBeABoolean() {
        assertError("budgets.yaml:1:24: openai in 'integrations' must be true or false, but was 'off-ish'",
                "integrations: {openai: off-ish}\n");
    }

    @Test
    void topLevelThatIsNotAMappingShowsTheRightShape() {
        assertError("budgets.yaml:1:1: the configuration must be a mapping of keys to values, like budgets: "
                + "{quick_answer: {max_steps: 5}}, but was a list", "- quick_answer\n- deep_research\n");
    }

    @Test
    void typeTagsAreRefusedSoNoObjectIsEverBuiltFromTheFile() {
        assertError("budgets.yaml:1:10: the YAML tag '!!javax.script.ScriptEngineManager' is not allowed: budget4j "
                + "reads plain values only and never builds objects from tags; remove the tag",
                "budgets: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");
        assertError("budgets.yaml:1:26: the YAML tag '!limit' is not supported for max_steps in profile 'q'; remove "
                + "the tag and write the plain value", "budgets: {q: {max_steps: !limit 5}}");
    }

    @Test
    void mergingSomethingOtherThanAMappingIsRefused() {
        assertError("budgets.yaml:4:1: YAML syntax error: Expected mapping node or an anchor referencing mapping; "
                + "'<<' merges mappings only: write '<<: *name' where &name marks a mapping",
                "budgets:\n  q:\n    <<: 5\n");
    }

    @Test
    void anExplicitTagForcingTextIntoANumberIsRefused() {
        assertError("budgets.yaml:1:26: max_steps in profile 'q' must be a whole number, but was 'abc'; remove the "
                + "tag '!!int' and write a whole number", "budgets: {q: {max_steps: !!int abc}}");
        assertError("budgets.yaml:1:24: openai in 'integrations' must be true or false, but was 'maybe'; remove the "
                + "tag '!!bool' and write true or false", "integrations: {openai: !!bool maybe}");
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder yaml = new StringBuilder("budgets:\n  a: &a {max_steps: 1}\n");
        for (int i = 0; i <= YamlTree.MAX_ALIASES; i++) {
            yaml.append("  p").append(i).append(": *a\n");
        }
        BudgetConfigException e = error(yaml.toString());

        assertTrue(e.getMessage().startsWith("budgets.yaml: cannot read the YAML: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; use at most 20 aliases (*name), or write the values out"),
                e.getMessage());
    }

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope/budgets.yaml");
        BudgetConfigException e = assertThrows(BudgetConfigException.class, () -> BudgetConfig.load(missing));

        assertEquals(missing + ": configuration file not found: " + missing.toAbsolutePath() + "; check the path "
                + "given with config=PATH, -Dbudget4j.config or BUDGET4J_CONFIG (a relative path starts at the "
                + "working directory, " + Path.of("").toAbsolutePath() + ")", e.getMessage());
        assertEquals(missing.toString(), e.source());
        assertEquals(0, e.line());
    }

    @Test
    void aDirectoryIsNotAConfigurationFile(@TempDir Path dir) {
        BudgetConfigException e = assertThrows(BudgetConfigException.class, () -> BudgetConfig.load(dir));

        assertEquals(dir + ": the configuration path " + dir.toAbsolutePath() + " is a directory; name the YAML "
                + "file itself, e.g. " + dir.resolve("budgets.yaml"), e.getMessage());
    }

    @Test
    void errorsInALoadedFileNameThatFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("budgets.yaml"), "budgets:\n  q: {max_steps: 0}\n");
        BudgetConfigException e = assertThrows(BudgetConfigException.class, () -> BudgetConfig.load(file));

        assertTrue(e.getMessage().startsWith(file + ":2:18: max_steps in profile 'q'"), e.getMessage());
        assertEquals(file.toString(), e.source());
    }

    @Test
    void invalidUtf8IsRefusedWithTheEncodingToUse(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("budgets.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
        BudgetConfigException e = assertThrows(BudgetConfigException.class, () -> BudgetConfig.load(file));

        assertEquals(file + ": the configuration file is not valid UTF-8; save it with UTF-8 encoding",
                e.getMessage());
    }

    @Test
    void everyErrorIsAnIllegalArgumentException() {
        assertFalse(IllegalArgumentException.class.isAssignableFrom(RuntimeException.class));
        assertTrue(error("budget: {}") instanceof IllegalArgumentException);
    }
}
