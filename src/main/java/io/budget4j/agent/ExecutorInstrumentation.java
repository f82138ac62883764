package io.budget4j.agent;

import io.budget4j.internal.ContextTasks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Makes the budget context follow work handed to JDK executors: {@code ThreadPoolExecutor},
 * {@code ScheduledThreadPoolExecutor}, {@code ForkJoinPool} (so {@code CompletableFuture}'s async
 * methods), {@code CompletableFuture}'s thread-per-task fallback, and virtual threads.
 */
final class ExecutorInstrumentation implements ClassWeaver {
    private static final String TPE = "java/util/concurrent/ThreadPoolExecutor";
    private static final String STPE = "java/util/concurrent/ScheduledThreadPoolExecutor";
    private static final String FJP = "java/util/concurrent/ForkJoinPool";
    private static final String CF_THREAD_PER_TASK = "java/util/concurrent/CompletableFuture$ThreadPerTaskExecutor";
    private static final String VIRTUAL_THREAD = "java/lang/VirtualThread";
    private static final Set<String> TARGETS = Set.of(TPE, STPE, FJP, CF_THREAD_PER_TASK, VIRTUAL_THREAD);

    /** Parsed on first use: most applications load these executors late, or never. */
    private static final class Advices {
        static final Advice RUNNABLE = OwnClassFiles.advice(TaskArgumentAdvice.WrapRunnable.class);
        static final Advice CALLABLE = OwnClassFiles.advice(TaskArgumentAdvice.WrapCallable.class);
        static final Advice CALLABLES = OwnClassFiles.advice(TaskArgumentAdvice.WrapCallables.class);
        static final Advice ANY_RUNNABLE = OwnClassFiles.advice(TaskArgumentAdvice.WrapRunnableArguments.class);
        static final Advice UNWRAP = OwnClassFiles.advice(TaskArgumentAdvice.UnwrapReturnedTasks.class);
    }

    /** Lets java.base call ContextTasks, which lives in the boot loader's unnamed module. */
    static void openJavaBase(Instrumentation inst) {
        inst.redefineModule(Object.class.getModule(), Set.of(ContextTasks.class.getModule()), Map.of(), Map.of(),
                Set.of(), Map.of());
    }

    /**
     * The target classes the JVM has loaded already, to retransform once the transformer is in
     * place; the others are woven when they load (at start-up, usually none is loaded yet).
     */
    static List<Class<?>> loadedTargets(Instrumentation inst) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getClassLoader() == null && TARGETS.contains(c.getName().replace('.', '/'))) {
                loaded.add(c);
            }
        }
        return loaded;
    }

    @Override
    public boolean mayWeave(String internalName, ClassLoader loader, byte[] classFile) {
        return loader == null && TARGETS.contains(internalName);
    }

    @Override
    public DynamicType.Builder<?> weave(TypeDescription type, DynamicType.Builder<?> b) {
        Advice runnable = Advices.RUNNABLE;
        Advice callable = Advices.CALLABLE;
        ElementMatcher.Junction<MethodDescription> firstRunnable = takesArgument(0, Runnable.class);
        ElementMatcher.Junction<MethodDescription> firstCallable = takesArgument(0, Callable.class);
        switch (type.getInternalName()) {
            case TPE:
                return b.visit(runnable.on(named("execute").and(takesArguments(Runnable.class))))
                        .visit(Advices.UNWRAP.on(named("shutdownNow").and(takesArguments(0))));
            case STPE:
                return b.visit(runnable.on(named("schedule").and(firstRunnable)
                                .or(named("scheduleAtFixedRate")).or(named("scheduleWithFixedDelay"))))
                        .visit(callable.on(named("schedule").and(firstCallable)));
            case FJP:
                return b.visit(runnable.on(named("execute").and(takesArguments(Runnable.class))
                                .or(named("submit").and(firstRunnable))))
                        .visit(callable.on(named("submit").and(firstCallable)))
                        .visit(Advices.CALLABLES.on(named("invokeAll").and(takesArgument(0, Collection.class))));
            case CF_THREAD_PER_TASK:
                return b.visit(runnable.on(named("execute").and(takesArguments(Runnable.class))));
            case VIRTUAL_THREAD:
                return b.visit(Advices.ANY_RUNNABLE.on(isConstructor()));
            default:
                return null;
        }
    }
}
