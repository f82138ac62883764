package io.budget4j.integrations;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.internal.Observers;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Reactor {@code Flux} of streamed chunks, followed through Reactive Streams proxies (the
 * {@code org.reactivestreams} interfaces, built with the library's own class loader) so that
 * budget4j never links against Reactor: {@code Flux.from(publisher)} where the publisher hands
 * each subscriber a stand-in that
 * <ul>
 *   <li>counts every chunk, and cuts the stream off at the chunk that would take the run past its
 *       token budget (cancels upstream, signals the refusal as the stream's error);</li>
 *   <li>records the call once, before passing on the stream's end (complete, error, or a
 *       downstream cancel);</li>
 *   <li>passes every signal on inside the call's budget context: the operators downstream run in
 *       that signal's call stack, and Spring AI runs tools and sends its follow-up request from
 *       there (on the HTTP client's thread, or a scheduler it hands the work to).</li>
 * </ul>
 * The subscriber stand-in implements Reactor's {@code CoreSubscriber} when the real one does, so
 * the Reactor context still reaches upstream ({@code currentContext()} is forwarded).
 */
final class ReactiveStream {
    private static final System.Logger LOG = System.getLogger("io.budget4j");
    private static final String PUBLISHER = "org.reactivestreams.Publisher";
    private static final String SUBSCRIBER = "org.reactivestreams.Subscriber";
    private static final String CORE_SUBSCRIBER = "reactor.core.CoreSubscriber";
    private static final String SUBSCRIPTION = "org.reactivestreams.Subscription";
    private static final String FLUX = "reactor.core.publisher.Flux";

    private ReactiveStream() {
    }

    /**
     * {@code Flux.from(counting publisher around flux)}, or null when {@code flux} is not a
     * Reactor {@code Flux}.
     */
    static Object counted(Object flux, PendingModelCall call) throws ReflectiveOperationException {
        Class<?> publisher = Reflect.interfaceNamed(flux.getClass(), PUBLISHER);
        Class<?> fluxType = classNamed(flux.getClass(), FLUX);
        if (publisher == null || fluxType == null) {
            return null;
        }
        Object counting = Proxy.newProxyInstance(publisher.getClassLoader(), new Class<?>[]{publisher},
                new CountingPublisher(flux, call));
        return fluxType.getMethod("from", publisher).invoke(null, counting);
    }

    private static Class<?> classNamed(Class<?> type, String name) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            if (t.getName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Each subscriber gets its own count; the call is recorded once, by the first subscription to end. */
    private static final class CountingPublisher implements InvocationHandler {
        private final Object delegate;
        private final PendingModelCall call;

        CountingPublisher(Object delegate, PendingModelCall call) {
            this.delegate = delegate;
            this.call = call;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return Forwarding.objectMethod(proxy, delegate, method, args);
            }
            if (method.getName().equals("subscribe") && args != null && args.length == 1 && args[0] != null) {
                Object subscriber = subscriber(args[0]);
                return Forwarding.forward(delegate, method, new Object[]{subscriber});
            }
            return Forwarding.forward(delegate, method, args);
        }

        private Object subscriber(Object actual) {
            try {
                Class<?> type = Reflect.interfaceNamed(actual.getClass(), CORE_SUBSCRIBER);
                if (type == null) {
                    type = Reflect.interfaceNamed(actual.getClass(), SUBSCRIBER);
                }
                if (type == null) {
                    return actual;
                }
                return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                        new CountingSubscriber(actual, new StreamTally(call)));
            } catch (RuntimeException | LinkageError e) {
                Observers.internalError("could not follow a streamed answer", e);
                return actual;
            }
        }
    }

    /** Stands in for one subscriber: counts, cuts off, records, and passes signals on in the call's context. */
    private static final class CountingSubscriber implements InvocationHandler {
        private final Object actual;
        private final StreamTally tally;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Object subscription;

        CountingSubscriber(Object actual, StreamTally tally) {
            this.actual = actual;
            this.tally = tally;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return Forwarding.objectMethod(proxy, actual, method, args);
            }
            String name = method.getName();
            int arity = args == null ? 0 : args.length;
            if (name.equals("onSubscribe") && arity == 1) {
                subscription = args[0];
                return inContext(method, new Object[]{cancelRecorded(args[0])});
            }
            if (name.equals("onNext") && arity == 1) {
                return ended.get() ? null : next(method, args);
            }
            if (name.equals("onError") && arity == 1) {
                if (!ended.compareAndSet(false, true)) {
                    return null;
                }
                tally.finish(args[0] instanceof Throwable ? (Throwable) args[0] : null);
                return inContext(method, args);
            }
            if (name.equals("onComplete") && arity == 0) {
                if (!ended.compareAndSet(false, true)) {
                    return null;
                }
                tally.finish(null);
                return inContext(method, args);
            }
            return Forwarding.forward(actual, method, args); // currentContext() and the like: no signal
        }

        private Object next(Method method, Object[] args) throws Throwable {
            BudgetExhaustedException refusal = null;
            try {
                tally.usage(StreamChunks.usage(args[0]));
                refusal = tally.text(StreamChunks.text(args[0]));
            } catch (RuntimeException | LinkageError e) {
                Observers.internalError("could not count a streamed chunk", e);
            }
            if (refusal == null) {
                return inContext(method, args);
            }
            if (!ended.compareAndSet(false, true)) {
                return null;
            }
            if (!Reflect.call(subscription, "cancel")) {
                LOG.log(System.Logger.Level.WARNING, "budget4j: could not cancel a stream past the token budget;"
                        + " what it still sends is dropped");
            }
            Method onError = method.getDeclaringClass().getMethod("onError", Throwable.class);
            return inContext(onError, new Object[]{refusal});
        }

        /** The upstream subscription, with a downstream {@code cancel()} recording the call first. */
        private Object cancelRecorded(Object upstream) {
            Class<?> type = upstream == null ? null : Reflect.interfaceNamed(upstream.getClass(), SUBSCRIPTION);
            if (type == null) {
                return upstream;
            }
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return Forwarding.objectMethod(proxy, upstream, method, args);
                }
                if (method.getName().equals("cancel") && ended.compareAndSet(false, true)) {
                    tally.finish(null);
                }
                return Forwarding.forward(upstream, method, args);
            });
        }

        private Object inContext(Method method, Object[] args) throws Exception {
            return tally.call().callInContext(() -> Forwarding.forward(actual, method, args));
        }
    }
}
