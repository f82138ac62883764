package io.budget4j.it;

import io.budget4j.it.apps.BrokenFallbackApp;
import io.budget4j.it.apps.LateAttachApp;
import io.budget4j.it.apps.OutsideRunApp;
import io.budget4j.testing.Jvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged agent attached to fresh JVMs: start-up, configuration, attach, reporting. */
class AgentProcessIT {
    @TempDir
    Path dir;

    @Test
    void aBadConfigurationStopsTheJvmAtStartupNamingFileLineAndFix() throws Exception {
        Path yaml = dir.resolve("budgets.yaml");
        Files.writeString(yaml, "budgets:\n  quick_answer:\n    max_step: 5\n");
        Jvm.Result r = Jvm.withAgent().config(yaml).main(OutsideRunApp.class).run();
        assertEquals(1, r.exitCode, r.toString());
        assertTrue(r.stderr.contains("budgets.yaml:3"), r.toString());
        assertTrue(r.stderr.contains("did you mean 'max_steps'"), r.toString());
        assertFalse(r.stdout.contains("BODY_RAN"), "the application must not run");
    }

    @Test
    void aMissingConfigurationFileStopsTheJvmAtStartup() throws Exception {
        Path missing = dir.resolve("nope.yaml");
        Jvm.Result r = Jvm.withAgent().config(missing).main(OutsideRunApp.class).run();
        assertEquals(1, r.exitCode, r.toString());
        assertTrue(r.stderr.contains(missing.toString()), r.toString());
    }

    @Test
    void theConfigurationMayComeFromTheSystemProperty() throws Exception {
        Path yaml = dir.resolve("deny.yaml");
        Files.writeString(yaml, "outside_run: deny\n");
        Jvm.Result r = Jvm.withAgent().jvmArg("-Dbudget4j.config=" + yaml).main(OutsideRunApp.class).run();
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.stdout.contains("THROWN=io.budget4j.BudgetExhaustedException"), r.toString());
    }

    @Test
    void outsideRunDenyRefusesCallsOutsideAnyRun() throws Exception {
        Path yaml = dir.resolve("deny.yaml");
        Files.writeString(yaml, "outside_run: deny\n");
        Jvm.Result r = Jvm.withAgent().config(yaml).main(OutsideRunApp.class).run();
        assertTrue(r.stdout.contains("THROWN=io.budget4j.BudgetExhaustedException"), r.toString());
        assertTrue(r.stdout.contains("outside_run: deny"), r.toString());
        assertFalse(r.stdout.contains("BODY_RAN"), r.toString());
    }

    @Test
    void outsideRunACallGoesThroughByDefault() throws Exception {
        Jvm.Result r = Jvm.withAgent().main(OutsideRunApp.class).run();
        assertEquals("ok", r.value("RESULT"), r.toString());
    }

    @Test
    void aFallbackThatDoesNotFitIsReportedWhenTheClassIsWoven() throws Exception {
        Jvm.Result r = Jvm.withAgent().main(BrokenFallbackApp.class).run();
        assertTrue(r.stderr.contains("@Budgeted(fallback = \"missing\") on " + BrokenFallbackApp.class.getName()
                + "#answer(java.lang.String)"), r.toString());
        assertTrue(r.stderr.contains("Expected java.lang.String missing(java.lang.String) or java.lang.String"
                + " missing(java.lang.String, BudgetExhaustedException)"), r.toString());
        assertTrue(r.stderr.contains("found java.lang.String missing(int)"), r.toString());
        // The run is still budgeted, and the application keeps running.
        assertEquals("io.budget4j.BudgetExhaustedException", r.value("THROWN"), r.toString());
    }

    @Test
    void quotasFromTheYamlChargeEachRunToTheTenantOfItsTenantIdParameter() throws Exception {
        Path yaml = dir.resolve("quotas.yaml");
        Files.writeString(yaml, "quotas:\n  store: memory\n  daily_tokens: 10000\n  tenants:\n"
                + "    acme: {daily_tokens: 250, priority: high}\n");
        Jvm.Result r = Jvm.withAgent().config(yaml).main(io.budget4j.it.apps.TenantBot.class).run();
        assertEquals(0, r.exitCode, r.toString());
        // acme: 3 calls of 50 tokens, then 2 more fit in 250, the third of its second run is refused
        String refused = r.stdout.lines().filter(l -> l.startsWith("REFUSED_acme=")).findFirst().orElse("");
        assertTrue(refused.contains("tenant 'acme'"), r.toString());
        assertTrue(refused.contains("250"), r.toString());
        assertEquals("3", r.value("SERVED_globex"), "another tenant is not affected: " + r);
    }

    @Test
    void anApplicationCanAttachTheAgentFromItsOwnMain() throws Exception {
        Jvm.Result r = Jvm.withoutAgent().main(io.budget4j.it.apps.SelfAttachApp.class).run();
        assertEquals("io.budget4j.BudgetExhaustedException", r.value("THROWN"), r.toString());
    }

    @Test
    void attachingToARunningJvmBudgetsClassesLoadedBeforeTheAttach() throws Exception {
        Jvm.Running app = Jvm.withoutAgent().main(LateAttachApp.class).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(app.process().getInputStream(),
                StandardCharsets.UTF_8));
        assertEquals("BEFORE=all five calls ran", out.readLine());
        assertEquals("READY", out.readLine());

        Process attach = new ProcessBuilder(Jvm.javaBinary(), "-jar", Jvm.agentJar().toString(), "attach",
                Long.toString(app.pid())).redirectErrorStream(true).start();
        String attachOutput = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, attach.waitFor(), attachOutput);

        app.stdin().write("go\n".getBytes(StandardCharsets.UTF_8));
        app.stdin().flush();
        assertEquals("AFTER_THROWN=io.budget4j.BudgetExhaustedException", out.readLine());
        assertEquals("BODIES=2", out.readLine());
        assertEquals(0, app.process().waitFor());
    }
}
