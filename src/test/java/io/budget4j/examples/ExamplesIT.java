package io.budget4j.examples;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs each example as a user would: a forked JVM with the packaged agent jar attached and the
 * compiled examples on the class path, and reads what it prints.
 */
class ExamplesIT {
    private static final Path AGENT_JAR = Path.of(System.getProperty("budget4j.agentJar"));
    private static final Path EXAMPLES = Path.of(System.getProperty("budget4j.examplesDir"));
    private static final Path CONFIG = EXAMPLES.resolve("budgets.yaml");
    private static final String PACKAGE = "io.budget4j.examples.";
    /** {@code used:      4 steps (1 model call, 3 tool calls), 412 tokens, 0.031 s} */
    private static final Pattern USED = Pattern.compile(
            "used: +(\\d+) steps? \\((\\d+) model calls?, (\\d+) tool calls?\\), (\\d+) tokens");

    @Test
    void researchAgentAnswersAndPrintsItsBudgetWithinQuickAnswer() throws Exception {
        Output out = runExample(Map.of(), "research.ResearchAgentMain", "What is machine learning?");

        assertTrue(out.stdout.contains("Answer:\n  Machine learning is"), out.describe());
        assertTrue(out.stdout.contains("[machine-learning]"), out.describe());
        assertTrue(out.stdout.contains("Budget (profile quick_answer): max 5 steps, 2000 tokens, 10 s"),
                out.describe());
        Usage used = out.usage();
        assertTrue(used.steps >= 2 && used.steps <= 5, out.describe());
        assertTrue(used.modelCalls >= 1 && used.tokens > 0 && used.tokens <= 2000, out.describe());
        assertTrue(out.stdout.contains("remaining: " + (5 - used.steps) + " step"), out.describe());
    }

    @Test
    void basicUsageRunsTheAgentInsideABudgetOpenedInCode() throws Exception {
        Output out = runExample(Map.of(), "BasicUsageExample");

        assertTrue(out.stdout.contains("Machine learning is"), out.describe());
        assertTrue(out.stdout.contains("Budget (set in code): max 5 steps, 2000 tokens, 10 s"), out.describe());
        Usage used = out.usage();
        assertTrue(used.steps >= 2 && used.steps <= 5 && used.tokens <= 2000, out.describe());
    }

    @Test
    void deepResearchSpendsMoreStepsThanQuickAnswerAllowsWithinItsOwnProfile() throws Exception {
        Output out = runExample(Map.of(), "DeepResearchExample");

        assertTrue(out.stdout.contains("Answer:\n"), out.describe());
        assertTrue(out.stdout.contains("Budget (profile deep_research): max 20 steps"), out.describe());
        Usage used = out.usage();
        assertTrue(used.steps > 5 && used.steps <= 20, out.describe());
        assertTrue(used.tokens <= 50_000, out.describe());
    }

    @Test
    void exhaustionAnswersGracefullyNamingTheLimitThenShowsTheExceptionWithoutAFallback() throws Exception {
        Output out = runExample(Map.of(), "BudgetExhaustionExample");

        assertTrue(out.stdout.contains("Answer (partial, budget exhausted: max_steps):"), out.describe());
        assertTrue(out.stdout.contains("I ran out of budget before finishing: max_steps (5) was reached after 5 steps"),
                out.describe());
        assertTrue(out.stdout.contains("What I found so far: Supervised learning"), out.describe());
        assertTrue(out.stdout.contains("Not yet researched: unsupervised learning, reinforcement learning."),
                out.describe());
        assertTrue(out.stdout.contains("Ask again with a larger budget"), out.describe());
        assertEquals(5, out.usage().steps, out.describe());
        assertTrue(out.stdout.contains("BudgetExhaustedException, limit STEPS:"), out.describe());
        assertTrue(out.stdout.contains("max_steps reached: 4 of 4 steps used"), out.describe());
        assertFalse(out.stderr.contains("Exception in thread"), out.describe());
    }

    @Test
    void configExampleRunsEachUseCaseUnderItsOwnProfile() throws Exception {
        Output out = runExample(Map.of(), "ConfigExample");

        assertTrue(out.stdout.contains("Profiles in budgets.yaml:\n"
                + "  quick_answer      max 5 steps, 2000 tokens, 10 s, tool calls nested 2 deep\n"
                + "  deep_research     max 20 steps, 50000 tokens, 60 s, tool calls nested 10 deep\n"
                + "  batch_processing  max 50 steps, 100000 tokens, 300 s, tool calls nested 20 deep\n"),
                out.describe());

        assertTrue(out.stdout.contains("Budget (profile quick_answer): max 5 steps"), out.describe());
        assertTrue(out.stdout.contains("Budget (profile deep_research): max 20 steps"), out.describe());
        assertTrue(out.stdout.contains("Budget (profile batch_processing): max 50 steps"), out.describe());
        List<Usage> runs = out.usages();
        assertEquals(3, runs.size(), out.describe());
        assertTrue(runs.get(0).steps <= 5 && runs.get(1).steps <= 20 && runs.get(2).steps <= 50, out.describe());
        assertTrue(out.stdout.contains("What are AI agents? -> An AI agent is"), out.describe());
    }

    @Test
    void liveModeCountsTheUsageTheEndpointReports() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"Machine learning learns patterns from data. [machine-learning]\"}}],"
                    + "\"usage\":{\"prompt_tokens\":300,\"completion_tokens\":33,\"total_tokens\":333}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            Output out = runExample(Map.of("OPENAI_BASE_URL", base, "OPENAI_API_KEY", "test-key",
                    "OPENAI_MODEL", "test-model"), "research.ResearchAgentMain", "What is machine learning?");

            assertTrue(out.stdout.contains("Model:    test-model at " + base + "/chat/completions (live)"),
                    out.describe());
            assertTrue(out.stdout.contains("Machine learning learns patterns from data. [machine-learning]"),
                    out.describe());
            Usage used = out.usage();
            assertTrue(used.modelCalls >= 1, out.describe());
            assertEquals(requests.size(), used.modelCalls, out.describe());
            assertEquals(333L * used.modelCalls, used.tokens, out.describe());
            assertTrue(requests.get(0).contains("\"model\":\"test-model\""), requests.get(0));
            assertTrue(requests.get(0).contains("What is machine learning?"), requests.get(0));
            assertEquals("Bearer test-key", authorizations.get(0));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void liveModeReportsAnEndpointThatRefusesAndExitsWithoutAStackTrace() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"error\":{\"message\":\"Incorrect API key provided\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            Output out = runExample(2, Map.of("OPENAI_BASE_URL", base), "research.ResearchAgentMain");

            assertTrue(out.stdout.contains("The model call failed: " + base + "/chat/completions answered HTTP 401: "
                    + "{\"error\":{\"message\":\"Incorrect API key provided\"}}"), out.describe());
            assertFalse(out.stderr.contains("Exception in thread"), out.describe());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutTheAgentTheResearchAgentStillAnswersAndSaysNothingWasMeasured() throws Exception {
        Output out = run(List.of("-cp", AGENT_JAR + java.io.File.pathSeparator + EXAMPLES,
                PACKAGE + "research.ResearchAgentMain"), Map.of(), 0);

        assertTrue(out.stdout.contains("Machine learning is"), out.describe());
        assertTrue(out.stdout.contains("Budget: not measured, no run was open. Attach the budget4j agent:"), out.describe());
    }

    // ---------------------------------------------------------------- running an example

    @Test
    void anApplicationWithNoBudget4jImportIsBudgetedByYamlAlone() throws Exception {
        Output out = run(List.of("-javaagent:" + AGENT_JAR + "=config=" + EXAMPLES.resolve("support-bot.yaml"),
                "-cp", EXAMPLES.toString(), PACKAGE + "nocode.SupportBot"), Map.of(), 0);

        assertTrue(out.stdout.contains("Stopped: BudgetExhaustedException: Budget exhausted: max_steps reached:"
                + " 7 of 7 steps used"), out.describe());
        assertTrue(out.stdout.contains("profile 'support'"), out.describe());
        // model, tool, tool, three times over, less the refused last tool call: the fourth
        // request never reached the model server.
        assertTrue(out.stdout.contains("Requests the model server received: 3"), out.describe());
    }

    private static Output runExample(Map<String, String> env, String mainClass, String... args)
            throws IOException, InterruptedException {
        return runExample(0, env, mainClass, args);
    }

    private static Output runExample(int exitCode, Map<String, String> env, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "-javaagent:" + AGENT_JAR + "=config=" + CONFIG,
                "-cp", AGENT_JAR + java.io.File.pathSeparator + EXAMPLES,
                PACKAGE + mainClass));
        command.addAll(List.of(args));
        return run(command, env, exitCode);
    }

    private static Output run(List<String> javaArgs, Map<String, String> env, int exitCode)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(javaArgs);
        Path stdout = Files.createTempFile("example", ".out");
        Path stderr = Files.createTempFile("example", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            // Offline unless the test says otherwise, whatever the developer's shell exports.
            pb.environment().keySet().removeIf(k -> k.startsWith("OPENAI_") || k.startsWith("BUDGET4J_"));
            pb.environment().putAll(env);
            Process p = pb.start();
            // A guard against a hung child, not a timing assertion.
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("example did not finish: " + command);
            }
            Output out = new Output(command, p.exitValue(), Files.readString(stdout), Files.readString(stderr));
            assertEquals(exitCode, out.exitCode, out.describe());
            return out;
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private record Usage(int steps, int modelCalls, int toolCalls, long tokens) {
    }

    private record Output(List<String> command, int exitCode, String stdout, String stderr) {
        /** The last budget printed. */
        Usage usage() {
            List<Usage> all = usages();
            if (all.isEmpty()) {
                fail("no budget usage printed\n" + describe());
            }
            return all.get(all.size() - 1);
        }

        List<Usage> usages() {
            List<Usage> all = new ArrayList<>();
            Matcher m = USED.matcher(stdout);
            while (m.find()) {
                all.add(new Usage(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Long.parseLong(m.group(4))));
            }
            return all;
        }

        String describe() {
            return String.join(" ", command) + "\nexit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
