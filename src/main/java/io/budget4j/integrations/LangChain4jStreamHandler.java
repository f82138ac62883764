package io.budget4j.integrations;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.internal.Observers;
import io.budget4j.tokens.UsageReader;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands in for the {@code StreamingChatResponseHandler} given to a LangChain4j
 * {@code StreamingChatModel#doChat}: counts the partial text, cuts the stream off when it would
 * take the run past its token budget, and records the call when it ends. Every callback it
 * forwards runs inside the call's budget context, because LangChain4j's streaming AI services run
 * tools and send the next request from inside {@code onCompleteResponse}, on the HTTP thread.
 *
 * <p>The caller's handler sees exactly one terminal signal: {@code onCompleteResponse},
 * {@code onError} with the library's error, or {@code onError} with the
 * {@link BudgetExhaustedException} that cut the stream off; what arrives after it is dropped.
 */
final class LangChain4jStreamHandler implements InvocationHandler {
    private static final System.Logger LOG = System.getLogger("io.budget4j");
    static final String HANDLER = "dev.langchain4j.model.chat.response.StreamingChatResponseHandler";

    private final Object delegate;
    private final Class<?> handlerType;
    private final StreamTally tally;
    private final AtomicBoolean ended = new AtomicBoolean();

    private LangChain4jStreamHandler(Object delegate, Class<?> handlerType, PendingModelCall call) {
        this.delegate = delegate;
        this.handlerType = handlerType;
        this.tally = new StreamTally(call);
    }

    /** A proxy of the handler's interface around {@code handler}, or null when it is not a LangChain4j handler. */
    static Object wrap(Object handler, PendingModelCall call) {
        if (handler == null) {
            return null;
        }
        Class<?> type = Reflect.interfaceNamed(handler.getClass(), HANDLER);
        if (type == null) {
            return null;
        }
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                new LangChain4jStreamHandler(handler, type, call));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return Forwarding.objectMethod(proxy, delegate, method, args);
        }
        if (ended.get()) {
            return null;
        }
        switch (method.getName()) {
            case "onPartialResponse":
            case "onPartialThinking":
                return partial(method, args, Reflect.get(args[0], "text"));
            case "onPartialToolCall":
                return partial(method, args, Reflect.get(args[0], "partialArguments"));
            case "onCompleteResponse":
                if (ended.compareAndSet(false, true)) {
                    tally.usage(usage(args[0]));
                    tally.finish(null);
                    return forward(method, args);
                }
                return null;
            case "onError":
                if (ended.compareAndSet(false, true)) {
                    tally.finish(args[0] instanceof Throwable ? (Throwable) args[0] : null);
                    return forward(method, args);
                }
                return null;
            default:
                return forward(method, args);
        }
    }

    /** A piece of the answer: counted, then forwarded, unless it is the one that goes over the budget. */
    private Object partial(Method method, Object[] args, Object text) throws Throwable {
        BudgetExhaustedException refusal = tally.text(text instanceof CharSequence ? (CharSequence) text : null);
        if (refusal == null) {
            return forward(method, args);
        }
        if (!ended.compareAndSet(false, true)) {
            return null;
        }
        // The two-argument callbacks carry the stream's handle; a provider that calls only the
        // one-argument form cannot be stopped, and what it still sends is dropped.
        if (args.length > 1 && !Reflect.call(Reflect.get(args[1], "streamingHandle"), "cancel")) {
            LOG.log(System.Logger.Level.WARNING, "budget4j: could not cancel a LangChain4j stream past the token"
                    + " budget; what it still sends is dropped");
        }
        return forward(handlerType.getMethod("onError", Throwable.class), new Object[]{refusal});
    }

    private static long usage(Object response) {
        try {
            return UsageReader.tokensOf(response);
        } catch (RuntimeException | LinkageError e) {
            Observers.internalError("could not read the usage of a LangChain4j streamed answer", e);
            return -1;
        }
    }

    /** Calls the caller's handler inside the call's context; what it throws goes back to LangChain4j unchanged. */
    private Object forward(Method method, Object[] args) throws Throwable {
        return tally.call().callInContext(() -> Forwarding.forward(delegate, method, args));
    }
}
