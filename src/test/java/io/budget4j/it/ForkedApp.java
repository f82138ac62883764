package io.budget4j.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a test app in its own JVM, with the packaged agent attached by {@code -javaagent} (or
 * without, to check the harness), under {@link BudgetReportingMain}, and collects its
 * {@code KEY=value} lines. The child's class path is this JVM's test class path minus budget4j's
 * own classes, so budget4j reaches the app only through the agent jar, as in production.
 */
final class ForkedApp {
    private static final long HANG_GUARD_SECONDS = 180;

    private ForkedApp() {
    }

    /** What the forked app printed. */
    record Output(int exitCode, List<String> lines, String stderr) {
        /** Every value printed under {@code key}, in order. */
        List<String> all(String key) {
            String prefix = key + "=";
            return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }

        /** The one value printed under {@code key}; fails when there is not exactly one. */
        String one(String key) {
            List<String> values = all(key);
            if (values.size() != 1) {
                throw new AssertionError("expected one " + key + " line, got " + values + "\n" + this);
            }
            return values.get(0);
        }

        /** The {@code name=value} fields of each line under {@code key}. */
        List<Map<String, String>> records(String key) {
            return all(key).stream().map(Output::fields).toList();
        }

        /** Steps the engine recorded, of {@code kind} ("model" or "tool"). */
        List<Map<String, String>> steps(String kind) {
            return records("BUDGET_STEP").stream().filter(s -> kind.equals(s.get("kind"))).toList();
        }

        /** Field {@code name} of the single top-level run's {@code BUDGET_RUN} line. */
        long run(String name) {
            return Long.parseLong(fields(one("BUDGET_RUN")).get(name));
        }

        boolean threwBudgetExhausted() {
            return all("THROWN").stream().anyMatch(t -> t.startsWith("io.budget4j.BudgetExhaustedException"));
        }

        private static Map<String, String> fields(String line) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String part : line.split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    fields.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            return fields;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + String.join("\n", lines) + "\n--- stderr\n" + stderr;
        }
    }

    /** Runs {@code app} with the agent and {@code yaml} as its configuration. */
    static Output withAgent(Class<?> app, Path yaml, String... appArgs) throws IOException, InterruptedException {
        return run(List.of("-javaagent:" + agentJar() + "=config=" + yaml.toAbsolutePath()), app, appArgs);
    }

    /** Runs {@code app} without any agent, budget4j's classes on the class path (to check the harness itself). */
    static Output withoutAgent(Class<?> app, String... appArgs) throws IOException, InterruptedException {
        return run(List.of(), app, appArgs);
    }

    static Path agentJar() {
        String jar = System.getProperty("budget4j.agentJar");
        if (jar == null || !Files.isRegularFile(Paths.get(jar))) {
            throw new IllegalStateException("system property budget4j.agentJar must name the packaged agent jar, was " + jar);
        }
        return Paths.get(jar).toAbsolutePath();
    }

    private static Output run(List<String> agentArgs, Class<?> app, String... appArgs) throws IOException, InterruptedException {
        boolean withAgent = !agentArgs.isEmpty();
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(agentArgs);
        command.add("-cp");
        command.add(childClassPath(withAgent));
        command.add(BudgetReportingMain.class.getName());
        command.add(app.getName());
        command.addAll(Arrays.asList(appArgs));

        Path out = Files.createTempFile("budget4j-app", ".out");
        Path err = Files.createTempFile("budget4j-app", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the app did not end within " + HANG_GUARD_SECONDS + " s: " + command
                        + "\n" + Files.readString(out) + "\n" + Files.readString(err));
            }
            return new Output(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * This JVM's class path; with the agent, without budget4j's main classes (target/classes or
     * the packaged jar), which the agent jar brings, shaded, on its own.
     */
    private static String childClassPath(boolean withAgent) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        if (!withAgent) {
            return cp;
        }
        String agentJar = agentJar().toString();
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .filter(entry -> {
                    Path p = Paths.get(entry).toAbsolutePath().normalize();
                    return !p.toString().equals(agentJar) && !p.endsWith(Paths.get("target", "classes"));
                })
                .collect(Collectors.joining(File.pathSeparator));
    }
}
