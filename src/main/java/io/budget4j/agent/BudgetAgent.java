package io.budget4j.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.jar.JarFile;

/**
 * The agent's entry point ({@code Premain-Class}, {@code Agent-Class}). It only puts the agent jar
 * on the bootstrap class path and hands over to {@link AgentInstaller} loaded from there: then
 * one copy of budget4j serves every class loader, and JDK classes (executors) can call it too.
 *
 * <p>This class must not touch any other budget4j class directly: it is loaded by the system
 * class loader, everything else must come from the bootstrap loader.
 */
public final class BudgetAgent {
    private BudgetAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    private static void start(String args, Instrumentation inst, boolean attached) {
        Method install;
        try {
            File jar = new File(BudgetAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
            Class<?> installer = Class.forName("io.budget4j.agent.AgentInstaller", true, null);
            install = installer.getMethod("install", String.class, Instrumentation.class, boolean.class);
        } catch (Exception | LinkageError e) {
            // Nothing of the application is touched yet: report and let it run unbudgeted.
            System.err.println("budget4j: agent could not start, the application runs without budgets: " + e);
            return;
        }
        try {
            install.invoke(null, args, inst, attached);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
