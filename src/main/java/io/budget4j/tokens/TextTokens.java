package io.budget4j.tokens;

import io.budget4j.Tokens;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Collection;
import java.util.Map;

/**
 * Estimates the tokens of a model call whose response reports no usage: the text of its arguments
 * (the prompt) plus the text it returned (the completion), counted with the model's tokenizer.
 *
 * <p>Text is a {@link CharSequence}, or an object with a text getter ({@code text()},
 * {@code getText()}, {@code content()}, {@code getContent()}, {@code prompt()},
 * {@code getPrompt()} declared to return a {@code CharSequence}; found once per class). Arguments
 * are looked into one level deep: elements of arrays and {@link Collection}s, and values of
 * {@link Map}s. Other {@link Iterable}s are skipped on purpose: they need not be iterable twice
 * ({@code DirectoryStream}, one-shot iterables), and counting must never use up the caller's data.
 *
 * <p>Never throws: an unexpected failure is logged at DEBUG and what was counted so far is returned.
 */
public final class TextTokens {
    private static final Logger LOG = System.getLogger("io.budget4j");

    private static final String[] TEXT_GETTERS = {"text", "getText", "content", "getContent", "prompt", "getPrompt"};
    private static final MethodType OBJECT_TO_OBJECT = MethodType.methodType(Object.class, Object.class);

    /** A class's text getter as {@code (Object) -> Object}, or a holder of null when it has none. */
    private static final ClassValue<TextGetter> TEXT_GETTERS_BY_CLASS = new ClassValue<>() {
        @Override
        protected TextGetter computeValue(Class<?> type) {
            try {
                return TextGetter.of(type);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.DEBUG, "budget4j cannot read text of " + type.getName(), e);
                return TextGetter.NONE;
            }
        }
    };

    private TextTokens() {
    }

    /** Tokens of the text in a call's arguments (see the class comment for what counts as text). */
    public static long promptTokens(Object[] args, String model) {
        if (args == null) {
            return 0;
        }
        Counter counter = new Counter(model);
        try {
            for (Object arg : args) {
                if (arg instanceof Object[]) {
                    for (Object element : (Object[]) arg) {
                        counter.add(element);
                    }
                } else if (arg instanceof Collection<?>) {
                    for (Object element : (Collection<?>) arg) {
                        counter.add(element);
                    }
                } else if (arg instanceof Map<?, ?>) {
                    for (Object value : ((Map<?, ?>) arg).values()) {
                        counter.add(value);
                    }
                } else {
                    counter.add(arg);
                }
            }
        } catch (Throwable t) {
            counter.failed(t);
        }
        return counter.tokens;
    }

    /** Tokens of the text a call returned: a {@code CharSequence}, or an object's text getter; else 0. */
    public static long completionTokens(Object returned, String model) {
        Counter counter = new Counter(model);
        try {
            counter.add(returned);
        } catch (Throwable t) {
            counter.failed(t);
        }
        return counter.tokens;
    }

    /** {@link #promptTokens} plus {@link #completionTokens}. */
    public static long estimateCall(Object[] args, Object returned, String model) {
        return promptTokens(args, model) + completionTokens(returned, model);
    }

    /** Sums the tokens of text values; keeps its sum when a later value fails. */
    private static final class Counter {
        private final String model;
        long tokens;

        Counter(String model) {
            this.model = model;
        }

        void add(Object value) throws Throwable {
            if (value == null) {
                return;
            }
            if (value instanceof CharSequence) {
                tokens += Tokens.count(value.toString(), model);
                return;
            }
            MethodHandle getter = TEXT_GETTERS_BY_CLASS.get(value.getClass()).handle;
            if (getter != null) {
                Object text = (Object) getter.invokeExact(value);
                if (text != null) {
                    tokens += Tokens.count(text.toString(), model);
                }
            }
        }

        void failed(Throwable t) {
            if (t instanceof VirtualMachineError) {
                throw (VirtualMachineError) t;
            }
            LOG.log(Level.DEBUG, "budget4j could not count all text of a model call; counted " + tokens + " tokens", t);
        }
    }

    private static final class TextGetter {
        static final TextGetter NONE = new TextGetter(null);

        final MethodHandle handle;

        private TextGetter(MethodHandle handle) {
            this.handle = handle;
        }

        static TextGetter of(Class<?> type) {
            for (String name : TEXT_GETTERS) {
                MethodHandle h = Accessors.find(type, name);
                if (h != null && CharSequence.class.isAssignableFrom(h.type().returnType())) {
                    return new TextGetter(h.asType(OBJECT_TO_OBJECT));
                }
            }
            return NONE;
        }
    }
}
