package io.budget4j.it;

import io.budget4j.testing.Jvm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a library test app in its own JVM ({@link Jvm}), with the packaged agent attached (or
 * without, to check the harness), under {@link BudgetReportingMain}, and collects its
 * {@code KEY=value} lines. The libraries come from this JVM's test class path; budget4j only from
 * the agent jar, as in production.
 */
final class ForkedApp {
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
        return run(Jvm.withAgent().config(yaml), app, appArgs);
    }

    /** Runs {@code app} without any agent (budget4j's jar only on the class path), to check the harness itself. */
    static Output withoutAgent(Class<?> app, String... appArgs) throws IOException, InterruptedException {
        return run(Jvm.withoutAgent(), app, appArgs);
    }

    private static Output run(Jvm jvm, Class<?> app, String... appArgs) throws IOException, InterruptedException {
        jvm.jvmArg("-XX:TieredStopAtLevel=1").jvmArg("-XX:+UseSerialGC");
        libraries().forEach(jvm::classpath);
        String[] args = new String[appArgs.length + 1];
        args[0] = app.getName();
        System.arraycopy(appArgs, 0, args, 1, appArgs.length);
        Jvm.Result r = jvm.main(BudgetReportingMain.class, args).run();
        return new Output(r.exitCode, r.stdout.lines().toList(), r.stderr);
    }

    /**
     * The test class path without budget4j's own classes (target/classes, the packaged jar) and
     * the test classes, which {@link Jvm} adds itself: the libraries the apps use.
     */
    private static List<Path> libraries() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path agentJar = Jvm.agentJar().normalize();
        Path testClasses = Jvm.testClasses().normalize();
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Paths.get(entry).toAbsolutePath().normalize())
                .filter(p -> !p.equals(agentJar) && !p.equals(testClasses) && !p.endsWith(Paths.get("target", "classes")))
                .toList();
    }
}
