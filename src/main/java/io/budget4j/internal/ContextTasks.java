package io.budget4j.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Wraps tasks so they run in the context of the thread that submitted them. Used by the agent's
 * advice on JDK executors and by {@code BudgetContext.wrap}. Outside a run nothing is wrapped and
 * nothing is allocated.
 */
public final class ContextTasks {
    private ContextTasks() {
    }

    public static Runnable wrap(Runnable task) {
        if (task == null || task instanceof ContextRunnable) {
            return task;
        }
        ContextSnapshot snapshot = ContextSnapshot.capture();
        if (snapshot == null || isVirtualThreadContinuation(task)) {
            return task;
        }
        return new ContextRunnable(task, snapshot);
    }

    /**
     * A virtual thread's continuation, handed to its scheduler each time it is mounted: the
     * virtual thread carries its own context, its carrier must not be given one.
     */
    private static boolean isVirtualThreadContinuation(Runnable task) {
        return task.getClass().getName().startsWith("java.lang.VirtualThread");
    }

    public static <T> Callable<T> wrap(Callable<T> task) {
        if (task == null || task instanceof ContextCallable) {
            return task;
        }
        ContextSnapshot snapshot = ContextSnapshot.capture();
        return snapshot == null ? task : new ContextCallable<>(task, snapshot);
    }

    /** The callables of a collection, each wrapped; the same collection when there is no context. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Collection wrapAll(Collection tasks) {
        if (tasks == null || ContextSnapshot.capture() == null) {
            return tasks;
        }
        List<Callable<?>> wrapped = new ArrayList<>(tasks.size());
        for (Object t : tasks) {
            wrapped.add(wrap((Callable<?>) t));
        }
        return wrapped;
    }

    /** Arguments with every {@link Runnable} among them wrapped (a virtual thread's task). */
    public static Object[] wrapRunnables(Object[] args) {
        if (ContextSnapshot.capture() == null) {
            return args;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Runnable) {
                args[i] = wrap((Runnable) args[i]);
            }
        }
        return args;
    }

    /** Gives back the application's own tasks, e.g. in the list {@code shutdownNow()} returns. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void unwrapAll(List tasks) {
        if (tasks == null) {
            return;
        }
        for (int i = 0; i < tasks.size(); i++) {
            Object t = tasks.get(i);
            if (t instanceof ContextRunnable) {
                tasks.set(i, ((ContextRunnable) t).task);
            }
        }
    }

    /** A task that runs in the submitter's context. */
    public static final class ContextRunnable implements Runnable {
        final Runnable task;
        private final ContextSnapshot snapshot;

        ContextRunnable(Runnable task, ContextSnapshot snapshot) {
            this.task = task;
            this.snapshot = snapshot;
        }

        @Override
        public void run() {
            snapshot.run(task);
        }

        @Override
        public String toString() {
            return task.toString();
        }
    }

    /** A callable that runs in the submitter's context. */
    public static final class ContextCallable<T> implements Callable<T> {
        private final Callable<T> task;
        private final ContextSnapshot snapshot;

        ContextCallable(Callable<T> task, ContextSnapshot snapshot) {
            this.task = task;
            this.snapshot = snapshot;
        }

        @Override
        public T call() throws Exception {
            return snapshot.call(task);
        }

        @Override
        public String toString() {
            return task.toString();
        }
    }
}
