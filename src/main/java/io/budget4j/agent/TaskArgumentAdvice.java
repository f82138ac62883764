package io.budget4j.agent;

import io.budget4j.internal.ContextTasks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Advice woven into JDK executors so that a task runs in the run of the thread that submitted
 * it. Inlined into java.base classes, which therefore read the boot loader's unnamed module.
 */
final class TaskArgumentAdvice {
    private TaskArgumentAdvice() {
    }

    /** The first argument is a {@link Runnable}. */
    static final class WrapRunnable {
        private WrapRunnable() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
            task = ContextTasks.wrap(task);
        }
    }

    /** The first argument is a {@link Callable}. */
    static final class WrapCallable {
        private WrapCallable() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
            task = ContextTasks.wrap(task);
        }
    }

    /** The first argument is a collection of {@link Callable}s. */
    static final class WrapCallables {
        private WrapCallables() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC)
                          Collection<?> tasks) {
            tasks = ContextTasks.wrapAll(tasks);
        }
    }

    /** Any {@link Runnable} argument (a virtual thread's task). */
    static final class WrapRunnableArguments {
        private WrapRunnableArguments() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.AllArguments(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object[] args) {
            args = ContextTasks.wrapRunnables(args);
        }
    }

    /** The returned list of tasks ({@code shutdownNow}) holds the application's own tasks. */
    static final class UnwrapReturnedTasks {
        private UnwrapReturnedTasks() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Return List<Runnable> tasks) {
            ContextTasks.unwrapAll(tasks);
        }
    }
}
