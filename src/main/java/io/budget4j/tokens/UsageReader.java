package io.budget4j.tokens;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the total tokens a model response reports about itself.
 *
 * <p>Recognised shapes, by method name (any of the SDKs' spellings):
 * <ul>
 *   <li>the response has a usage getter: {@code usage()}, {@code getUsage()}, {@code tokenUsage()}
 *       or {@code getTokenUsage()}, which may return an {@code Optional} of the usage;</li>
 *   <li>or the response is itself a usage object (e.g. the last event of a stream);</li>
 *   <li>a usage object has a total ({@code totalTokens()}, {@code getTotalTokens()},
 *       {@code totalTokenCount()}, {@code getTotalTokenCount()}) or an input/output pair
 *       ({@code inputTokens/outputTokens}, {@code promptTokens/completionTokens},
 *       {@code inputTokenCount/outputTokenCount}, {@code getPromptTokens/getCompletionTokens},
 *       {@code getInputTokens/getOutputTokens}); a reported total wins over the pair;</li>
 *   <li>values may be any integral primitive, any {@code Number}, {@code Optional} of a number,
 *       {@code OptionalLong} or {@code OptionalInt}; null or empty means not reported (half of a
 *       pair that is not reported counts as 0 when the other half is).</li>
 * </ul>
 *
 * <p>How to read a class is worked out once per class ({@link ClassValue}) into method handles
 * that return primitive {@code long}; after that a read allocates nothing. Nothing here throws:
 * a getter that fails makes that response report no usage.
 */
public final class UsageReader {
    private static final Logger LOG = System.getLogger("io.budget4j");

    /** Value of a getter that reported nothing (null, empty, negative). */
    private static final long UNREPORTED = Long.MIN_VALUE;

    private static final String[] USAGE_GETTERS = {"usage", "getUsage", "tokenUsage", "getTokenUsage"};
    private static final String[] TOTAL_GETTERS = {"totalTokens", "getTotalTokens", "totalTokenCount",
            "getTotalTokenCount"};
    private static final String[][] PAIR_GETTERS = {
            {"inputTokens", "outputTokens"},
            {"promptTokens", "completionTokens"},
            {"inputTokenCount", "outputTokenCount"},
            {"getPromptTokens", "getCompletionTokens"},
            {"getInputTokens", "getOutputTokens"},
    };

    private static final MethodType OBJECT_TO_OBJECT = MethodType.methodType(Object.class, Object.class);
    private static final MethodType OBJECT_TO_LONG = MethodType.methodType(long.class, Object.class);
    private static final MethodHandle TO_LONG;
    private static final MethodHandle NON_NEGATIVE;

    static {
        try {
            MethodHandles.Lookup own = MethodHandles.lookup();
            TO_LONG = own.findStatic(UsageReader.class, "toLong", OBJECT_TO_LONG);
            NON_NEGATIVE = own.findStatic(UsageReader.class, "nonNegative", MethodType.methodType(long.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ClassValue<UsageShape> USAGE_SHAPES = new ClassValue<>() {
        @Override
        protected UsageShape computeValue(Class<?> type) {
            try {
                return UsageShape.of(type);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.DEBUG, "budget4j cannot read token usage of " + type.getName(), e);
                return UsageShape.NONE;
            }
        }
    };

    private static final ClassValue<ResponseShape> RESPONSE_SHAPES = new ClassValue<>() {
        @Override
        protected ResponseShape computeValue(Class<?> type) {
            try {
                return ResponseShape.of(type);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.DEBUG, "budget4j cannot read token usage of " + type.getName(), e);
                return new ResponseShape(type, null, null);
            }
        }
    };

    private UsageReader() {
    }

    /** Total tokens {@code response} reports, or -1 when it reports none (also for null). */
    public static long tokensOf(Object response) {
        if (response == null) {
            return -1;
        }
        return read(RESPONSE_SHAPES.get(response.getClass()), response);
    }

    /** Whether responses of {@code type} can report usage at all (have a recognised shape). */
    public static boolean canReport(Class<?> type) {
        ResponseShape s = RESPONSE_SHAPES.get(type);
        return s.usage != null || s.direct != null;
    }

    private static long read(ResponseShape shape, Object response) {
        try {
            return shape.read(response);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError) {
                throw (VirtualMachineError) t;
            }
            LOG.log(Level.DEBUG, "budget4j could not read token usage of a " + response.getClass().getName(), t);
            return -1;
        }
    }

    /**
     * A per-call-site cache: the runtime class of one call site's responses is nearly always the
     * same, so the last class and how to read it are remembered here, saving even the
     * {@link ClassValue} lookup. Thread-safe (a benign race: a thread that misses looks up again).
     * Holds its entry weakly, so it never keeps an application's class loader alive.
     */
    public static final class Site {
        private WeakReference<ResponseShape> last;

        /** As {@link UsageReader#tokensOf(Object)}. */
        public long tokensOf(Object response) {
            if (response == null) {
                return -1;
            }
            Class<?> type = response.getClass();
            WeakReference<ResponseShape> ref = last;
            ResponseShape shape = ref == null ? null : ref.get();
            if (shape == null || shape.type != type) {
                shape = RESPONSE_SHAPES.get(type);
                last = shape.self;
            }
            return read(shape, response);
        }
    }

    /** How to get at the usage of one response class. Immutable. */
    private static final class ResponseShape {
        final Class<?> type;
        /** {@code (Object) -> Object} usage getter, or null. */
        final MethodHandle usage;
        /** The response's own totals, when it is a usage object itself; else null. */
        final UsageShape direct;
        /** Made once, so that a {@link Site} that switches class allocates nothing. */
        final WeakReference<ResponseShape> self = new WeakReference<>(this);

        ResponseShape(Class<?> type, MethodHandle usage, UsageShape direct) {
            this.type = type;
            this.usage = usage;
            this.direct = direct;
        }

        static ResponseShape of(Class<?> type) {
            MethodHandle usage = null;
            for (String name : USAGE_GETTERS) {
                MethodHandle h = Accessors.find(type, name);
                if (h != null && !h.type().returnType().isPrimitive()) {
                    usage = h.asType(OBJECT_TO_OBJECT);
                    break;
                }
            }
            UsageShape own = USAGE_SHAPES.get(type);
            return new ResponseShape(type, usage, own.reports() ? own : null);
        }

        /** The usage class this response last reported, and how to read it: saves a ClassValue lookup. */
        private UsageEntry lastUsage;

        private UsageShape usageShapeOf(Class<?> usageType) {
            UsageEntry e = lastUsage;
            if (e == null || e.type != usageType) {
                e = new UsageEntry(usageType, USAGE_SHAPES.get(usageType));
                lastUsage = e;
            }
            return e.shape;
        }

        long read(Object response) throws Throwable {
            if (usage != null) {
                Object u = (Object) usage.invokeExact(response);
                if (u instanceof Optional<?>) {
                    u = ((Optional<?>) u).orElse(null);
                }
                if (u != null) {
                    long tokens = usageShapeOf(u.getClass()).read(u);
                    if (tokens >= 0) {
                        return tokens;
                    }
                }
            }
            return direct == null ? -1 : direct.read(response);
        }
    }

    /** A usage class and its shape, published together (a benign race: a reader may look up again). */
    private static final class UsageEntry {
        final Class<?> type;
        final UsageShape shape;

        UsageEntry(Class<?> type, UsageShape shape) {
            this.type = type;
            this.shape = shape;
        }
    }

    /** How to get the token counts out of one usage class. Immutable; handles are {@code (Object) -> long}. */
    private static final class UsageShape {
        static final UsageShape NONE = new UsageShape(null, null, null);

        final MethodHandle total;
        final MethodHandle input;
        final MethodHandle output;

        private UsageShape(MethodHandle total, MethodHandle input, MethodHandle output) {
            this.total = total;
            this.input = input;
            this.output = output;
        }

        static UsageShape of(Class<?> type) {
            MethodHandle total = null;
            for (String name : TOTAL_GETTERS) {
                total = longGetter(type, name);
                if (total != null) {
                    break;
                }
            }
            for (String[] pair : PAIR_GETTERS) {
                MethodHandle in = longGetter(type, pair[0]);
                MethodHandle out = in == null ? null : longGetter(type, pair[1]);
                if (out != null) {
                    return new UsageShape(total, in, out);
                }
            }
            return total == null ? NONE : new UsageShape(total, null, null);
        }

        boolean reports() {
            return total != null || input != null;
        }

        /** Total tokens, or -1 when nothing is reported. */
        long read(Object usage) throws Throwable {
            if (total != null) {
                long t = (long) total.invokeExact(usage);
                if (t != UNREPORTED) {
                    return t;
                }
            }
            if (input != null) {
                long in = (long) input.invokeExact(usage);
                long out = (long) output.invokeExact(usage);
                if (in == UNREPORTED && out == UNREPORTED) {
                    return -1;
                }
                return (in == UNREPORTED ? 0 : in) + (out == UNREPORTED ? 0 : out);
            }
            return -1;
        }
    }

    /**
     * A {@code (Object) -> long} handle to getter {@code name} of {@code type}, when it returns
     * something a token count can be read from; else null. Primitive getters are widened by
     * {@code asType}, references go through {@link #toLong}: neither boxes.
     */
    private static MethodHandle longGetter(Class<?> type, String name) {
        MethodHandle h = Accessors.find(type, name);
        if (h == null) {
            return null;
        }
        Class<?> r = h.type().returnType();
        if (r == long.class || r == int.class || r == short.class || r == byte.class) {
            return MethodHandles.filterReturnValue(h.asType(OBJECT_TO_LONG), NON_NEGATIVE);
        }
        if (r == Object.class || Number.class.isAssignableFrom(r) || r == Optional.class
                || r == OptionalLong.class || r == OptionalInt.class) {
            return MethodHandles.filterReturnValue(h.asType(OBJECT_TO_OBJECT), TO_LONG);
        }
        return null;
    }

    /** A negative count is no count: treated as not reported. */
    private static long nonNegative(long value) {
        return value < 0 ? UNREPORTED : value;
    }

    /** A count read from a reference: a Number, or an Optional/OptionalLong/OptionalInt of one. */
    private static long toLong(Object value) {
        if (value instanceof Optional<?>) {
            value = ((Optional<?>) value).orElse(null);
        }
        if (value instanceof Number) {
            return nonNegative(((Number) value).longValue());
        }
        if (value instanceof OptionalLong) {
            OptionalLong o = (OptionalLong) value;
            return o.isPresent() ? nonNegative(o.getAsLong()) : UNREPORTED;
        }
        if (value instanceof OptionalInt) {
            OptionalInt o = (OptionalInt) value;
            return o.isPresent() ? nonNegative(o.getAsInt()) : UNREPORTED;
        }
        return UNREPORTED;
    }
}
