package io.budget4j.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Launches a real JVM (the same java binary as this test) with the packaged agent jar, and
 * collects what it printed. Agent tests use it to test exactly what users run.
 */
public final class Jvm {
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> classpath = new ArrayList<>();
    private final List<String> programArgs = new ArrayList<>();
    private String mainClass;
    private String agentArgs;
    private boolean withAgent = true;

    public static Jvm withAgent() {
        return new Jvm();
    }

    public static Jvm withoutAgent() {
        Jvm jvm = new Jvm();
        jvm.withAgent = false;
        return jvm;
    }

    /** The packaged agent jar (failsafe passes its path). */
    public static Path agentJar() {
        String jar = System.getProperty("budget4j.agentJar");
        if (jar == null) {
            throw new IllegalStateException("system property budget4j.agentJar is not set; run agent tests with failsafe");
        }
        return Paths.get(jar).toAbsolutePath();
    }

    /** The compiled test classes. */
    public static Path testClasses() {
        String dir = System.getProperty("budget4j.testClasses", "target/test-classes");
        return Paths.get(dir).toAbsolutePath();
    }

    /** The java binary running this test, so forked JVMs use the same JDK. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    }

    public Jvm agentArgs(String args) {
        this.agentArgs = args;
        return this;
    }

    public Jvm config(Path yaml) {
        return agentArgs("config=" + yaml.toAbsolutePath());
    }

    public Jvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    public Jvm classpath(Path entry) {
        classpath.add(entry.toString());
        return this;
    }

    public Jvm main(Class<?> main, String... args) {
        this.mainClass = main.getName();
        this.programArgs.addAll(List.of(args));
        return this;
    }

    public Jvm main(String main, String... args) {
        this.mainClass = main;
        this.programArgs.addAll(List.of(args));
        return this;
    }

    public List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        if (withAgent) {
            cmd.add("-javaagent:" + agentJar() + (agentArgs == null ? "" : "=" + agentArgs));
        }
        cmd.addAll(jvmArgs);
        List<String> cp = new ArrayList<>(classpath);
        cp.add(testClasses().toString());
        cp.add(agentJar().toString());
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(mainClass);
        cmd.addAll(programArgs);
        return cmd;
    }

    /** Runs to completion (at most two minutes) and returns what happened. */
    public Result run() throws IOException, InterruptedException {
        Running r = start();
        return r.await();
    }

    public Running start() throws IOException {
        Process p = new ProcessBuilder(command()).start();
        return new Running(p);
    }

    /** A JVM still running: its stdin can be written and its output collected at the end. */
    public static final class Running {
        private final Process process;
        private final CompletableFuture<String> err;

        Running(Process process) {
            this.process = process;
            // stderr is drained at once so the JVM never blocks on it; stdout is left to the
            // test, which may read it line by line, or to await().
            this.err = drain(process.getErrorStream());
        }

        public long pid() {
            return process.pid();
        }

        public OutputStream stdin() {
            return process.getOutputStream();
        }

        public Process process() {
            return process;
        }

        public Result await() throws InterruptedException {
            CompletableFuture<String> out = drain(process.getInputStream());
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("forked JVM did not finish in 2 minutes");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        }

        private static CompletableFuture<String> drain(InputStream in) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "<unreadable: " + e + ">";
                }
            });
        }
    }

    /** Exit code and output of a finished JVM. */
    public static final class Result {
        public final int exitCode;
        public final String stdout;
        public final String stderr;

        Result(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** The value of the last stdout line {@code KEY=value}, or null. */
        public String value(String key) {
            String found = null;
            for (String line : stdout.split("\\R")) {
                if (line.startsWith(key + "=")) {
                    found = line.substring(key.length() + 1);
                }
            }
            return found;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
