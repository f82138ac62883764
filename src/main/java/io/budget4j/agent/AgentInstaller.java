package io.budget4j.agent;

import io.budget4j.config.BudgetConfig;
import io.budget4j.config.ConfigLocation;
import io.budget4j.internal.Engine;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Optional;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * Installs the agent: reads the configuration (failing fast when it is wrong), puts it in force,
 * and weaves budgeted methods, model calls and tool calls with Byte Buddy.
 */
public final class AgentInstaller {
    private static final Logger LOG = System.getLogger("io.budget4j.agent");
    private static volatile boolean installed;

    private AgentInstaller() {
    }

    /**
     * Called by {@link BudgetAgent} from the bootstrap class loader.
     *
     * @param attached true when attached to a running JVM (agentmain): classes loaded before are
     *                 retransformed, and a bad configuration is reported to the attacher instead
     *                 of stopping the JVM
     */
    public static synchronized void install(String args, Instrumentation inst, boolean attached) {
        if (installed) {
            LOG.log(Level.WARNING, "budget4j: the agent is already installed in this JVM; ignoring another start");
            return;
        }
        BudgetConfig config;
        try {
            Optional<Path> file = ConfigLocation.resolve(args, System::getProperty, System::getenv);
            AgentArgs.parse(args);
            config = file.isPresent() ? BudgetConfig.load(file.get()) : BudgetConfig.empty();
        } catch (IllegalArgumentException e) {
            if (attached) {
                throw e; // the attacher sees it; the running application is left alone
            }
            // Fail fast at start-up, with the file, line and what is wrong, before the app runs.
            System.err.println("budget4j: " + e.getMessage());
            System.err.println("budget4j: the JVM stops here because the budget configuration is invalid.");
            System.exit(1);
            return;
        }
        Engine.configure(config);
        try {
            weave(config, inst, attached);
            installed = true;
            LOG.log(Level.INFO, "budget4j: agent installed{0}; profiles: {1}",
                    config.source().isEmpty() ? "" : " with " + config.source(), config.profiles().keySet());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "budget4j: the agent could not install; the application runs without budgets", e);
        }
    }

    private static void weave(BudgetConfig config, Instrumentation inst, boolean attached) {
        WeavePlanner planner = new WeavePlanner(config, new Advices());
        ElementMatcher.Junction<MethodDescription> ours = isAnnotatedWith(named(WeavePlanner.BUDGETED)
                .or(named(WeavePlanner.MODEL_CALL)).or(named(WeavePlanner.TOOL_CALL)));
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                // At launch no application class is loaded yet; attached later, those already
                // loaded are retransformed.
                .with(attached ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                // Class files, not reflection: annotations are read by name, never loaded.
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(new WeaveListener())
                .ignore(any(), isBootstrapClassLoader())
                .or(isSynthetic().or(nameStartsWith("net.bytebuddy.")).or(OwnClasses.MATCHER))
                .type(declaresMethod(ours))
                .transform((builder, type, loader, module, domain) -> weaveType(planner, builder, type))
                .installOn(inst);
    }

    private static DynamicType.Builder<?> weaveType(WeavePlanner planner, DynamicType.Builder<?> builder,
                                                     TypeDescription type) {
        for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
            AsmVisitorWrapper advice = planner.plan(type, m);
            if (advice != null) {
                builder = builder.visit(advice);
            }
        }
        return builder;
    }

    /** Logs what could not be woven: those methods run unbudgeted, the application goes on. */
    private static final class WeaveListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            LOG.log(Level.DEBUG, "budget4j: wove {0}", type.getName());
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            LOG.log(Level.WARNING, "budget4j: could not weave " + typeName + "; its methods run unbudgeted", error);
        }
    }
}
