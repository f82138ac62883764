package io.budget4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.budget4j.RunBudget;
import io.budget4j.config.InstrumentRule.Kind;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetConfigTest {

    private static Path sampleFile() throws URISyntaxException {
        return Path.of(BudgetConfigTest.class.getResource("/budgets.yaml").toURI());
    }

    @Test
    void loadsTheSeedsThreeProfilesWithTheSeedsNumbers() throws Exception {
        BudgetConfig config = BudgetConfig.load(sampleFile());

        assertEquals(List.of("quick_answer", "deep_research", "batch_processing"),
                List.copyOf(config.profiles().keySet()));
        assertEquals(RunBudget.builder().maxSteps(5).maxTokens(2000).maxSeconds(10).maxNestedToolCalls(2)
                .profile("quick_answer").build(), config.profile("quick_answer").orElseThrow());
        assertEquals(RunBudget.builder().maxSteps(20).maxTokens(50000).maxSeconds(60).maxNestedToolCalls(10)
                .profile("deep_research").build(), config.profile("deep_research").orElseThrow());
        assertEquals(RunBudget.builder().maxSteps(50).maxTokens(100000).maxSeconds(300).maxNestedToolCalls(20)
                .profile("batch_processing").build(), config.profile("batch_processing").orElseThrow());
        assertEquals(sampleFile().toString(), config.source());
    }

    @Test
    void aFileWithOnlyProfilesKeepsEveryOtherDefault() throws Exception {
        BudgetConfig config = BudgetConfig.load(sampleFile());

        assertEquals(Optional.empty(), config.defaultProfileName());
        assertSame(RunBudget.UNLIMITED, config.defaults());
        assertEquals(OutsideRunPolicy.ALLOW, config.outsideRun());
        assertEquals(List.of(), config.rules());
        assertEquals(Optional.empty(), config.quotas());
        assertTrue(config.integrationEnabled("langchain4j"));
        assertEquals(Optional.empty(), config.profile("no_such_profile"));
    }

    @Test
    void anEmptyFileIsAValidConfigurationWithEveryDefault() {
        for (String yaml : List.of("", "# budgets come later\n", "---\n")) {
            BudgetConfig config = BudgetConfig.parse(yaml, "empty.yaml");

            assertEquals(0, config.profiles().size());
            assertSame(RunBudget.UNLIMITED, config.defaults());
            assertEquals(OutsideRunPolicy.ALLOW, config.outsideRun());
            assertEquals(List.of(), config.rules());
            assertEquals(Optional.empty(), config.quotas());
            assertEquals("empty.yaml", config.source());
        }
    }

    @Test
    void emptyHasEveryDefault() {
        BudgetConfig config = BudgetConfig.empty();

        assertEquals(0, config.profiles().size());
        assertSame(RunBudget.UNLIMITED, config.defaults());
        assertEquals(OutsideRunPolicy.ALLOW, config.outsideRun());
        assertTrue(config.integrationEnabled("openai"));
        assertEquals(Optional.empty(), config.quotas());
        assertEquals("", config.source());
    }

    @Test
    void sectionsWrittenWithoutAValueCountAsLeftOut() {
        BudgetConfig config = BudgetConfig.parse("budgets:\ndefaults:\ninstrument:\nintegrations:\nquotas:\n", "b.yaml");

        assertEquals(0, config.profiles().size());
        assertEquals(List.of(), config.rules());
        assertEquals(Optional.empty(), config.quotas());
    }

    @Test
    void theDefaultsProfileIsTheBudgetOfRunsThatNameNone() {
        BudgetConfig config = BudgetConfig.parse("""
                budgets:
                  quick_answer: {max_steps: 5, max_tokens: 2000}
                  deep_research: {max_steps: 20}
                defaults:
                  profile: deep_research
                """, "b.yaml");

        assertEquals(Optional.of("deep_research"), config.defaultProfileName());
        assertEquals(config.profile("deep_research").orElseThrow(), config.defaults());
        assertEquals(Optional.of("deep_research"), config.defaults().profile());
    }

    @Test
    void aProfileMayLeaveLimitsOutAndTakeFractionalSeconds() {
        BudgetConfig config = BudgetConfig.parse("""
                budgets:
                  tokens_only: {max_tokens: 1_000}
                  fast: {max_seconds: 2.5}
                  open:
                """, "b.yaml");

        RunBudget tokensOnly = config.profile("tokens_only").orElseThrow();
        assertEquals(1000, tokensOnly.maxTokens().getAsLong());
        assertTrue(tokensOnly.maxSteps().isEmpty());
        assertTrue(tokensOnly.maxSeconds().isEmpty());
        assertTrue(tokensOnly.maxNestedToolCalls().isEmpty());
        assertEquals(2.5, config.profile("fast").orElseThrow().maxSeconds().getAsDouble());
        assertTrue(config.profile("open").orElseThrow().isUnlimited());
        assertEquals(Optional.of("open"), config.profile("open").orElseThrow().profile());
    }

    @Test
    void maxTokensTakesLongValues() {
        BudgetConfig config = BudgetConfig.parse("budgets: {big: {max_tokens: 10000000000}}", "b.yaml");

        assertEquals(10_000_000_000L, config.profile("big").orElseThrow().maxTokens().getAsLong());
    }

    @Test
    void profilesCanShareLimitsThroughAnchorsAndMergeKeys() {
        BudgetConfig config = BudgetConfig.parse("""
                budgets:
                  quick_answer: &quick {max_steps: 5, max_tokens: 2000, max_seconds: 10}
                  quick_but_longer:
                    <<: *quick
                    max_seconds: 30
                """, "b.yaml");

        assertEquals(RunBudget.builder().maxSteps(5).maxTokens(2000).maxSeconds(30).profile("quick_but_longer")
                .build(), config.profile("quick_but_longer").orElseThrow());
    }

    @Test
    void outsideRunDenyIsRead() {
        assertEquals(OutsideRunPolicy.DENY, BudgetConfig.parse("outside_run: deny", "b.yaml").outsideRun());
        assertEquals(OutsideRunPolicy.ALLOW, BudgetConfig.parse("outside_run: allow", "b.yaml").outsideRun());
        assertEquals(OutsideRunPolicy.DENY, BudgetConfig.parse("outside_run: DENY", "b.yaml").outsideRun());
    }

    @Test
    void integrationsAreOnUnlessSwitchedOff() {
        BudgetConfig config = BudgetConfig.parse("integrations: {langchain4j: true, spring_ai: false}", "b.yaml");

        assertTrue(config.integrationEnabled("langchain4j"));
        assertFalse(config.integrationEnabled("spring_ai"));
        assertTrue(config.integrationEnabled("openai"));
    }

    @Test
    void askingForAnUnknownIntegrationIsAnErrorWithASuggestion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BudgetConfig.empty().integrationEnabled("spring-ai"));

        assertEquals("unknown integration 'spring-ai'; did you mean 'spring_ai'? Known integrations: "
                + "langchain4j, spring_ai, openai", e.getMessage());
    }

    @Test
    void rulesAreReadInFileOrderWithTheirOptionsAndLines() {
        BudgetConfig config = BudgetConfig.parse("""
                budgets:
                  quick_answer: {max_steps: 5}
                instrument:
                  - budgeted: com.acme.SupportBot#handle
                    profile: quick_answer
                    tenant_param: 0
                  - budgeted: com.acme.OtherBot#run(java.lang.String)
                    tenant_param: tenantId
                  - model_call: com.acme.llm.Client#complete
                    model: gpt-4o-mini
                  - tool_call: com.acme.tools.*#execute
                    name: search
                  - tool_call: com.acme.tools.Calculator#apply
                """, "rules.yaml");

        List<InstrumentRule> rules = config.rules();
        assertEquals(5, rules.size());

        InstrumentRule budgeted = rules.get(0);
        assertEquals(Kind.BUDGETED, budgeted.kind());
        assertEquals("com.acme.SupportBot#handle", budgeted.pattern().text());
        assertEquals(Optional.of("quick_answer"), budgeted.profile());
        assertEquals(Optional.of("0"), budgeted.tenantParam());
        assertEquals(Optional.empty(), budgeted.model());
        assertEquals("rules.yaml", budgeted.source());
        assertEquals(4, budgeted.line());
        assertEquals("rules.yaml:4: budgeted com.acme.SupportBot#handle", budgeted.describe());

        InstrumentRule noProfile = rules.get(1);
        assertEquals(Optional.empty(), noProfile.profile());
        assertEquals(Optional.of("tenantId"), noProfile.tenantParam());
        assertEquals(7, noProfile.line());

        InstrumentRule modelCall = rules.get(2);
        assertEquals(Kind.MODEL_CALL, modelCall.kind());
        assertEquals(Optional.of("gpt-4o-mini"), modelCall.model());
        assertEquals(Optional.empty(), modelCall.profile());
        assertEquals("rules.yaml:9: model_call com.acme.llm.Client#complete", modelCall.describe());

        InstrumentRule toolCall = rules.get(3);
        assertEquals(Kind.TOOL_CALL, toolCall.kind());
        assertEquals(Optional.of("search"), toolCall.toolName());
        assertTrue(toolCall.pattern().matchesTypeName("com.acme.tools.WebSearch"));

        assertEquals(Optional.empty(), rules.get(4).toolName());
    }

    @Test
    void theBriefsFullExampleLoads() {
        BudgetConfig config = BudgetConfig.parse("""
                budgets:                         # profiles, the seed's format unchanged
                  quick_answer: {max_steps: 5, max_tokens: 2000, max_seconds: 10, max_nested_tool_calls: 2}
                  deep_research: {max_steps: 20, max_tokens: 50000, max_seconds: 60, max_nested_tool_calls: 10}
                defaults:
                  profile: quick_answer
                outside_run: allow               # allow | deny
                instrument:                      # budgets on existing code, no code changes
                  - budgeted: com.acme.SupportBot#handle
                    profile: quick_answer
                    tenant_param: 0
                  - model_call: com.acme.llm.Client#complete
                    model: gpt-4o-mini
                  - tool_call: com.acme.tools.*#execute
                    name: search
                integrations: {langchain4j: true, spring_ai: false, openai: true}
                quotas:
                  store: memory
                  window: daily
                  zone: UTC
                  daily_tokens: 100000
                  on_store_error: allow
                  reservation_ttl_seconds: 60
                  priorities: {low: 0.7, normal: 0.9, high: 1.0}
                  default_priority: normal
                  tenants:
                    acme: {daily_tokens: 50000, priority: high}
                """, "budgets.yaml");

        assertEquals(2, config.profiles().size());
        assertEquals(config.profile("quick_answer").orElseThrow(), config.defaults());
        assertEquals(3, config.rules().size());
        assertFalse(config.integrationEnabled("spring_ai"));
        assertEquals(50000, config.quotas().orElseThrow().tokensFor("acme").getAsLong());
    }

    @Test
    void collectionsCannotBeChanged() {
        BudgetConfig config = BudgetConfig.parse("budgets: {q: {max_steps: 1}}\ninstrument: [{tool_call: a.B#c}]",
                "b.yaml");

        assertThrows(UnsupportedOperationException.class, () -> config.profiles().clear());
        assertThrows(UnsupportedOperationException.class, () -> config.rules().clear());
    }
}
