package io.budget4j.agent;

import io.budget4j.config.BudgetConfig;
import io.budget4j.config.ConfigLocation;
import io.budget4j.config.QuotaSettings;
import io.budget4j.quota.QuotaPolicy;
import io.budget4j.quota.QuotaService;
import io.budget4j.integrations.BuiltInIntegrations;
import io.budget4j.internal.Engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


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
            AgentArgs.validate(args);
            Optional<Path> file = ConfigLocation.resolve(args, System::getProperty, System::getenv);
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
        config.quotas().ifPresent(AgentInstaller::installQuotas);
        try {
            weave(config, inst, attached);
            installed = true;
            LOG.log(Level.INFO, "budget4j: agent installed{0}; profiles: {1}",
                    config.source().isEmpty() ? "" : " with " + config.source(), config.profiles().keySet());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "budget4j: the agent could not install; the application runs without budgets", e);
        }
    }

    /** Tenant quotas from the YAML: every model call is charged to its tenant from now on. */
    private static void installQuotas(QuotaSettings settings) {
        try {
            QuotaService service = QuotaService.create(QuotaPolicy.from(settings)).install();
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "budget4j-quotas-close"));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "budget4j: tenant quotas could not start; model calls are not charged to tenants", e);
        }
    }

    private static void weave(BudgetConfig config, Instrumentation inst, boolean attached) {
        List<ClassWeaver> weavers = new ArrayList<>();
        RuleIndex rules = RuleIndex.of(config.rules(), BuiltInIntegrations.enabled(config));
        AnnotatedClassWeaver annotated = new AnnotatedClassWeaver(new WeavePlanner(config, rules),
                new WrapperWeaver(config));
        UnmatchedRules.reportLater(rules);
        weavers.add(annotated);
        List<Class<?>> executors = List.of();
        try {
            ExecutorInstrumentation.openJavaBase(inst);
            executors = ExecutorInstrumentation.loadedTargets(inst);
            weavers.add(new ExecutorInstrumentation());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "budget4j: budgets will not follow tasks into JDK executors; wrap them with"
                    + " BudgetContext.wrap", e);
        }
        BudgetTransformer transformer = new BudgetTransformer(List.copyOf(weavers));
        inst.addTransformer(transformer, true);
        List<Class<?>> retransform = new ArrayList<>(executors);
        if (attached) {
            retransform.addAll(LoadedClasses.annotated(inst, annotated));
        }
        for (Class<?> c : retransform) {
            try {
                inst.retransformClasses(c);
            } catch (Exception | LinkageError e) {
                LOG.log(Level.WARNING, "budget4j: could not weave " + c.getName() + "; it runs unbudgeted", e);
            }
        }
    }

}
