package io.budget4j.integrations;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.internal.Observers;
import io.budget4j.tokens.UsageReader;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Spliterator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The OpenAI SDK's results that end after its {@code create} returned: futures, and streams of
 * chat-completion chunks or Responses API events, blocking ({@code StreamResponse}) and async
 * ({@code AsyncStreamResponse}). Each is replaced by one that records the call when it ends and,
 * for streams, counts the text and cuts off the answer that would take the run past its budget
 * (the refusal is thrown where the application reads the stream).
 */
final class OpenAiSdkStreams {
    static final String STREAM_RESPONSE = "com.openai.core.http.StreamResponse";
    static final String ASYNC_STREAM_RESPONSE = "com.openai.core.http.AsyncStreamResponse";
    static final String ASYNC_HANDLER = "com.openai.core.http.AsyncStreamResponse$Handler";

    private OpenAiSdkStreams() {
    }

    /**
     * A future that completes like {@code result}, but only after the call was recorded with the
     * usage of its value: whoever joins it sees the usage already counted. Cancelling it cancels
     * the SDK's future.
     */
    static Object recordedWhenDone(Object result, PendingModelCall call) {
        if (!(result instanceof CompletableFuture<?>)) {
            return result;
        }
        CompletableFuture<?> source = (CompletableFuture<?>) result;
        CompletableFuture<Object> recorded = new CompletableFuture<>();
        source.whenComplete((value, error) -> {
            try {
                call.finish(error == null ? Math.max(0, UsageReader.tokensOf(value)) : 0, error);
            } catch (RuntimeException | LinkageError e) {
                Observers.internalError("could not record an OpenAI SDK async call", e);
            }
            if (error != null) {
                recorded.completeExceptionally(error);
            } else {
                recorded.complete(value);
            }
        });
        recorded.whenComplete((value, error) -> {
            if (recorded.isCancelled()) {
                source.cancel(false);
            }
        });
        call.defer();
        return recorded;
    }

    /** A proxy of the blocking {@code StreamResponse} that counts what its {@code stream()} yields, or the result itself. */
    static Object blocking(Object result, PendingModelCall call) {
        Class<?> type = result == null ? null : Reflect.interfaceNamed(result.getClass(), STREAM_RESPONSE);
        if (type == null) {
            return result;
        }
        call.defer();
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                new BlockingStream(result, new StreamTally(call)));
    }

    /** A proxy of the {@code AsyncStreamResponse} whose subscribers' handlers count and record, or the result itself. */
    static Object async(Object result, PendingModelCall call) {
        Class<?> type = result == null ? null : Reflect.interfaceNamed(result.getClass(), ASYNC_STREAM_RESPONSE);
        if (type == null) {
            return result;
        }
        call.defer();
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                new AsyncStream(result, new StreamTally(call)));
    }

    /** What one chunk or event adds up to; the refusal when it takes the run past its budget. */
    private static BudgetExhaustedException tally(StreamTally tally, Object chunk) {
        tally.usage(StreamChunks.usage(chunk));
        return tally.text(StreamChunks.text(chunk));
    }

    /** {@code StreamResponse}: {@code stream()} counted; the call recorded at the stream's end or at {@code close()}. */
    private static final class BlockingStream implements InvocationHandler {
        private final Object delegate;
        private final StreamTally tally;

        BlockingStream(Object delegate, StreamTally tally) {
            this.delegate = delegate;
            this.tally = tally;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return Forwarding.objectMethod(proxy, delegate, method, args);
            }
            Object result = Forwarding.forward(delegate, method, args);
            if (method.getName().equals("stream") && result instanceof Stream<?>) {
                return counted((Stream<?>) result);
            }
            if (method.getName().equals("close")) {
                tally.finish(null);
            }
            return result;
        }

        private Stream<Object> counted(Stream<?> chunks) {
            try {
                return StreamSupport.stream(new Counting(chunks.spliterator()), false).onClose(chunks::close);
            } catch (RuntimeException | LinkageError e) {
                Observers.internalError("could not count an OpenAI SDK stream", e);
                @SuppressWarnings("unchecked")
                Stream<Object> as = (Stream<Object>) chunks;
                return as;
            }
        }

        /** Passes the chunks on, counting each; ends the stream with the refusal when one goes over the budget. */
        private final class Counting implements Spliterator<Object> {
            private final Spliterator<?> source;

            Counting(Spliterator<?> source) {
                this.source = source;
            }

            @Override
            public boolean tryAdvance(Consumer<? super Object> action) {
                boolean more;
                try {
                    more = source.tryAdvance(chunk -> {
                        BudgetExhaustedException refusal = tally.isCut() ? null : tally(tally, chunk);
                        if (refusal != null) {
                            closeQuietly();
                            throw refusal;
                        }
                        action.accept(chunk);
                    });
                } catch (RuntimeException | Error e) {
                    tally.finish(e);
                    throw e;
                }
                if (!more) {
                    tally.finish(null);
                }
                return more;
            }

            @Override
            public Spliterator<Object> trySplit() {
                return null;
            }

            @Override
            public long estimateSize() {
                return Long.MAX_VALUE;
            }

            @Override
            public int characteristics() {
                return ORDERED;
            }
        }

        /** Stops the HTTP response of a stream that was cut off. */
        private void closeQuietly() {
            try {
                Reflect.call(delegate, "close");
            } catch (RuntimeException | LinkageError e) {
                Observers.internalError("could not close an OpenAI SDK stream that was cut off", e);
            }
        }
    }

    /** {@code AsyncStreamResponse}: subscribers' handlers wrapped; the call also recorded at {@code close()}. */
    private static final class AsyncStream implements InvocationHandler {
        private final Object delegate;
        private final StreamTally tally;

        AsyncStream(Object delegate, StreamTally tally) {
            this.delegate = delegate;
            this.tally = tally;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return Forwarding.objectMethod(proxy, delegate, method, args);
            }
            if (method.getName().equals("subscribe") && args != null && args.length > 0) {
                Object[] wrapped = args.clone();
                wrapped[0] = handler(args[0]);
                Forwarding.forward(delegate, method, wrapped);
                return proxy; // subscribe returns the response itself, for chaining
            }
            Object result = Forwarding.forward(delegate, method, args);
            if (method.getName().equals("close")) {
                tally.finish(null);
            }
            return result;
        }

        private Object handler(Object handler) {
            Class<?> type = handler == null ? null : Reflect.interfaceNamed(handler.getClass(), ASYNC_HANDLER);
            if (type == null) {
                return handler;
            }
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, new AsyncHandler(handler, tally));
        }
    }

    /**
     * {@code AsyncStreamResponse.Handler}: counts each chunk; throws the refusal from
     * {@code onNext} at the cut, which the SDK turns into {@code onComplete(Optional.of(refusal))}
     * and a failed {@code onCompleteFuture()}; records at {@code onComplete}, before forwarding.
     */
    private static final class AsyncHandler implements InvocationHandler {
        private final Object delegate;
        private final StreamTally tally;

        AsyncHandler(Object delegate, StreamTally tally) {
            this.delegate = delegate;
            this.tally = tally;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return Forwarding.objectMethod(proxy, delegate, method, args);
            }
            switch (method.getName()) {
                case "onNext": {
                    if (tally.isCut()) {
                        return null;
                    }
                    BudgetExhaustedException refusal = tally(tally, args[0]);
                    if (refusal != null) {
                        throw refusal;
                    }
                    break;
                }
                case "onComplete": {
                    Object failure = args[0] instanceof Optional<?> ? ((Optional<?>) args[0]).orElse(null) : null;
                    tally.finish(failure instanceof Throwable ? (Throwable) failure : null);
                    break;
                }
                default:
                    break;
            }
            return tally.call().callInContext(() -> Forwarding.forward(delegate, method, args));
        }
    }
}
