package io.budget4j.agent;

import io.budget4j.RunBudget;
import io.budget4j.config.BudgetConfig;
import io.budget4j.internal.BudgetResolver;
import io.budget4j.internal.Fallback;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;

import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The start-up fast path for classes loaded with budget4j annotations: each annotated method
 * becomes a private {@code budget4j$name} holding its original body, and a method of the original
 * name and signature (carrying its annotations) calls the same {@link Dispatch} entry points as
 * the Byte Buddy advice around it. It needs only ASM, so the first class woven does not pay for
 * loading all of Byte Buddy. Classes it does not handle (interfaces, old class files, classes the
 * YAML rules may name, fallbacks declared in a superclass, classes already loaded) go to the
 * Byte Buddy advice path, which is the same contract.
 */
final class WrapperWeaver {
    private static final Logger LOG = System.getLogger("io.budget4j.agent");
    private static final String PREFIX = "budget4j$";
    private static final String DISPATCH = Type.getInternalName(Dispatch.class);
    private static final String EXHAUSTED = "io/budget4j/BudgetExhaustedException";
    private static final String MANAGER = "io/budget4j/BudgetManager";
    private static final String SCOPE = "io/budget4j/BudgetScope";
    private static final String OUTCOME = "io/budget4j/internal/FallbackOutcome";
    private static final String OBJECT = "java/lang/Object";
    private static final String THROWABLE = "java/lang/Throwable";

    private final BudgetConfig config;

    WrapperWeaver(BudgetConfig config) {
        this.config = config;
    }

    /** One annotated method, as scanned. */
    private static final class Target {
        final int access;
        final String name;
        final String desc;
        String kind; // "B", "M" or "T"
        final Map<String, Object> attributes = new HashMap<>();
        int tenantParam = -1;
        int siteId;
        boolean counting;
        boolean hasFallback;

        Target(int access, String name, String desc) {
            this.access = access;
            this.name = name;
            this.desc = desc;
        }

        String string(String key) {
            Object v = attributes.get(key);
            return v == null ? "" : v.toString();
        }

        Number number(String key) {
            Object v = attributes.get(key);
            return v instanceof Number ? (Number) v : 0;
        }
    }

    /**
     * The woven class file, or null when this class is not one for the fast path (it then goes to
     * the Byte Buddy path) or has nothing to weave.
     */
    byte[] weave(String internalName, ClassLoader loader, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if ((reader.getAccess() & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ANNOTATION)) != 0
                || classVersion(classFile) < Opcodes.V1_8) {
            return null;
        }
        List<Target> targets = new ArrayList<>();
        List<String[]> methods = new ArrayList<>();
        reader.accept(new Scanner(targets, methods), ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        if (targets.isEmpty()) {
            return null;
        }
        String className = internalName.replace('/', '.');
        for (Target t : targets) {
            if ((t.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || t.name.startsWith("<")) {
                return null;
            }
            if (t.kind.equals("B") && !t.string("fallback").isEmpty() && fallback(t, methods) == null) {
                return null; // declared elsewhere or not fitting: the Byte Buddy path resolves and reports it
            }
        }
        for (Target t : targets) {
            t.siteId = register(className, loader, t, methods);
            if (t.siteId < 0) {
                return null;
            }
        }
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new Rewriter(writer, internalName, targets), 0);
        return writer.toByteArray();
    }

    private int register(String className, ClassLoader loader, Target t, List<String[]> methods) {
        String label = className + "#" + t.name;
        try {
            switch (t.kind) {
                case "B": {
                    RunBudget budget = BudgetResolver.resolve(config, label, t.string("profile"),
                            t.number("maxSteps").intValue(), t.number("maxTokens").longValue(),
                            t.number("maxSeconds").doubleValue(), t.number("maxNestedToolCalls").intValue());
                    Fallback fallback = t.string("fallback").isEmpty() ? null : fallback(t, methods);
                    t.hasFallback = fallback != null;
                    return Sites.register(new CallSite(CallSite.Kind.BUDGETED, label, "", budget, fallback));
                }
                case "M": {
                    long reserve = t.number("reserveTokens").longValue();
                    if (reserve < 0) {
                        throw new IllegalArgumentException("@ModelCall(reserveTokens = " + reserve
                                + ") must be 0 (no reservation) or positive");
                    }
                    t.counting = !UsageTypes.reportsUsage(Type.getReturnType(t.desc), loader);
                    return Sites.register(new CallSite(CallSite.Kind.MODEL_CALL, label, t.string("model"), null,
                            null, reserve));
                }
                default:
                    return Sites.register(new CallSite(CallSite.Kind.TOOL_CALL, label, "", null, null));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "budget4j: " + label + " is not budgeted: " + e.getMessage());
            return -1;
        }
    }

    /** The fallback among this class's own methods, or null (see FallbackResolver for the rules). */
    private static Fallback fallback(Target t, List<String[]> methods) {
        String name = t.string("fallback");
        Type[] params = Type.getArgumentTypes(t.desc);
        Type ret = Type.getReturnType(t.desc);
        boolean isStatic = (t.access & Opcodes.ACC_STATIC) != 0;
        String[] names = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            names[i] = params[i].getClassName();
        }
        String plain = Type.getMethodDescriptor(ret, params);
        Type[] withException = java.util.Arrays.copyOf(params, params.length + 1);
        withException[params.length] = Type.getObjectType(EXHAUSTED);
        String exceptional = Type.getMethodDescriptor(ret, withException);
        for (String wanted : new String[]{exceptional, plain}) {
            for (String[] m : methods) {
                boolean mStatic = (Integer.parseInt(m[2]) & Opcodes.ACC_STATIC) != 0;
                if (m[0].equals(name) && m[1].equals(wanted) && (!isStatic || mStatic)) {
                    return new Fallback(name, names, wanted.equals(exceptional));
                }
            }
        }
        return null;
    }

    private static int classVersion(byte[] classFile) {
        return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    }

    /** Finds the annotated methods and their annotation values (class file only, no loading). */
    private static final class Scanner extends ClassVisitor {
        private final List<Target> targets;
        private final List<String[]> methods;

        Scanner(List<Target> targets, List<String[]> methods) {
            super(Opcodes.ASM9);
            this.targets = targets;
            this.methods = methods;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            methods.add(new String[]{name, desc, Integer.toString(access)});
            Target t = new Target(access, name, desc);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    String kind = kindOf(descriptor);
                    if (kind == null || t.kind != null) {
                        return null;
                    }
                    t.kind = kind;
                    targets.add(t);
                    return new AnnotationVisitor(Opcodes.ASM9) {
                        @Override
                        public void visit(String attribute, Object value) {
                            t.attributes.put(attribute, value);
                        }
                    };
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
                    if (descriptor.equals("Lio/budget4j/TenantId;") && t.tenantParam < 0) {
                        t.tenantParam = parameter;
                    }
                    return null;
                }
            };
        }

        private static String kindOf(String descriptor) {
            switch (descriptor) {
                case "Lio/budget4j/Budgeted;":
                    return "B";
                case "Lio/budget4j/ModelCall;":
                    return "M";
                case "Lio/budget4j/ToolCall;":
                    return "T";
                default:
                    return null;
            }
        }
    }

    /** Copies the class, turning each target into a renamed body plus a wrapper of the original name. */
    private static final class Rewriter extends ClassVisitor {
        private final String owner;
        private final Map<String, Target> byKey = new HashMap<>();

        Rewriter(ClassVisitor next, String owner, List<Target> targets) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
            for (Target t : targets) {
                byKey.put(t.name + t.desc, t);
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            Target t = byKey.get(name + desc);
            if (t == null) {
                return super.visitMethod(access, name, desc, signature, exceptions);
            }
            MethodVisitor wrapper = super.visitMethod(access & ~Opcodes.ACC_SYNCHRONIZED, name, desc, signature,
                    exceptions);
            int bodyAccess = (access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_VARARGS))
                    | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC;
            MethodVisitor body = super.visitMethod(bodyAccess, PREFIX + name, desc, signature, exceptions);
            return new MethodVisitor(Opcodes.ASM9, body) {
                // Annotations and parameter names belong to the method callers see: the wrapper.
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    return wrapper.visitAnnotation(descriptor, visible);
                }

                @Override
                public void visitAnnotableParameterCount(int parameterCount, boolean visible) {
                    wrapper.visitAnnotableParameterCount(parameterCount, visible);
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
                    return wrapper.visitParameterAnnotation(parameter, descriptor, visible);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                                                             boolean visible) {
                    return wrapper.visitTypeAnnotation(typeRef, typePath, descriptor, visible);
                }

                @Override
                public void visitParameter(String parameterName, int parameterAccess) {
                    wrapper.visitParameter(parameterName, parameterAccess);
                }

                @Override
                public void visitEnd() {
                    super.visitEnd();
                    new WrapperCode(wrapper, owner, t).emit();
                    wrapper.visitEnd();
                }
            };
        }
    }

    /** The wrapper's code, with the stack map frames it needs written out (no class is loaded to compute them). */
    private static final class WrapperCode {
        private final MethodVisitor mv;
        private final String owner;
        private final Target t;
        private final boolean isStatic;
        private final Type[] params;
        private final Type ret;
        private final List<Object> baseLocals = new ArrayList<>();
        private int nextLocal;

        WrapperCode(MethodVisitor mv, String owner, Target t) {
            this.mv = mv;
            this.owner = owner;
            this.t = t;
            this.isStatic = (t.access & Opcodes.ACC_STATIC) != 0;
            this.params = Type.getArgumentTypes(t.desc);
            this.ret = Type.getReturnType(t.desc);
            if (!isStatic) {
                baseLocals.add(owner);
                nextLocal = 1;
            }
            for (Type p : params) {
                baseLocals.add(frameType(p));
                nextLocal += p.getSize();
            }
        }

        void emit() {
            mv.visitCode();
            switch (t.kind) {
                case "M":
                    modelCall();
                    break;
                case "T":
                    toolCall();
                    break;
                default:
                    budgeted();
            }
            mv.visitMaxs(0, 0);
        }

        /** call = modelCall(); refused = enterModel(site, call); if refused: throw; body; exitModel. */
        private void modelCall() {
            int call = local();
            int refused = local();
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "modelCall", "()Ljava/lang/Object;", false);
            mv.visitVarInsn(Opcodes.ASTORE, call);
            push(t.siteId);
            mv.visitVarInsn(Opcodes.ALOAD, call);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "enterModel",
                    "(ILjava/lang/Object;)L" + EXHAUSTED + ";", false);
            mv.visitVarInsn(Opcodes.ASTORE, refused);
            List<Object> locals = locals(OBJECT, EXHAUSTED);
            throwIfRefused(refused, locals);
            String exit = t.counting ? "exitModelCounting" : "exitModel";
            String exitDesc = t.counting ? "(ILjava/lang/Object;[Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V"
                    : "(ILjava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V";
            callBody(locals, (result, thrown) -> {
                push(t.siteId);
                mv.visitVarInsn(Opcodes.ALOAD, call);
                if (t.counting) {
                    arguments();
                }
                loadBoxed(result);
                loadOrNull(thrown);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, exit, exitDesc, false);
            });
        }

        /** run = currentRun(); refused = enterTool(site, run); if refused: throw; body; exitTool. */
        private void toolCall() {
            int run = local();
            int refused = local();
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "currentRun", "()L" + MANAGER + ";", false);
            mv.visitVarInsn(Opcodes.ASTORE, run);
            push(t.siteId);
            mv.visitVarInsn(Opcodes.ALOAD, run);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "enterTool",
                    "(IL" + MANAGER + ";)L" + EXHAUSTED + ";", false);
            mv.visitVarInsn(Opcodes.ASTORE, refused);
            List<Object> locals = locals(MANAGER, EXHAUSTED);
            throwIfRefused(refused, locals);
            callBody(locals, (result, thrown) -> {
                push(t.siteId);
                mv.visitVarInsn(Opcodes.ALOAD, run);
                loadOrNull(thrown);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "exitTool",
                        "(IL" + MANAGER + ";Ljava/lang/Throwable;)V", false);
            });
        }

        /** scope = openRun(site, tenant); body; closeRun(scope); on exhaustion, the fallback's answer. */
        private void budgeted() {
            // Every local of the handler is allocated before the result's, so the frames below
            // list them at the indices they really have.
            int scope = local();
            int thrown = local();
            int outcome = local();
            push(t.siteId);
            if (t.tenantParam >= 0) {
                loadParam(t.tenantParam);
                box(params[t.tenantParam]);
            } else {
                mv.visitInsn(Opcodes.ACONST_NULL);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "openRun",
                    "(ILjava/lang/Object;)L" + SCOPE + ";", false);
            mv.visitVarInsn(Opcodes.ASTORE, scope);
            List<Object> locals = locals(SCOPE);
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            mv.visitTryCatchBlock(start, end, handler, null);
            mv.visitLabel(start);
            invokeBody();
            mv.visitLabel(end);
            int result = storeResult();
            mv.visitVarInsn(Opcodes.ALOAD, scope);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "closeRun", "(L" + SCOPE + ";)V", false);
            returnResult(result);
            mv.visitLabel(handler);
            frame(locals, THROWABLE);
            mv.visitVarInsn(Opcodes.ASTORE, thrown);
            mv.visitVarInsn(Opcodes.ALOAD, scope);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "closeRun", "(L" + SCOPE + ";)V", false);
            List<Object> withThrown = new ArrayList<>(locals);
            withThrown.add(THROWABLE);
            if (t.hasFallback) {
                Label rethrow = new Label();
                mv.visitVarInsn(Opcodes.ALOAD, scope);
                mv.visitJumpInsn(Opcodes.IFNULL, rethrow);
                mv.visitVarInsn(Opcodes.ALOAD, thrown);
                mv.visitTypeInsn(Opcodes.INSTANCEOF, EXHAUSTED);
                mv.visitJumpInsn(Opcodes.IFEQ, rethrow);
                push(t.siteId);
                mv.visitLdcInsn(Type.getObjectType(owner));
                if (isStatic) {
                    mv.visitInsn(Opcodes.ACONST_NULL);
                } else {
                    mv.visitVarInsn(Opcodes.ALOAD, 0);
                }
                arguments();
                mv.visitVarInsn(Opcodes.ALOAD, thrown);
                mv.visitTypeInsn(Opcodes.CHECKCAST, EXHAUSTED);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "fallback",
                        "(ILjava/lang/Class;Ljava/lang/Object;[Ljava/lang/Object;L" + EXHAUSTED + ";)L" + OUTCOME + ";",
                        false);
                mv.visitVarInsn(Opcodes.ASTORE, outcome);
                Label value = new Label();
                mv.visitVarInsn(Opcodes.ALOAD, outcome);
                mv.visitFieldInsn(Opcodes.GETFIELD, OUTCOME, "thrown", "Ljava/lang/Throwable;");
                mv.visitJumpInsn(Opcodes.IFNULL, value);
                mv.visitVarInsn(Opcodes.ALOAD, outcome);
                mv.visitFieldInsn(Opcodes.GETFIELD, OUTCOME, "thrown", "Ljava/lang/Throwable;");
                mv.visitInsn(Opcodes.ATHROW);
                mv.visitLabel(value);
                List<Object> withOutcome = new ArrayList<>(withThrown);
                withOutcome.add(OUTCOME);
                frame(withOutcome);
                if (ret.getSort() == Type.VOID) {
                    mv.visitInsn(Opcodes.RETURN);
                } else {
                    mv.visitVarInsn(Opcodes.ALOAD, outcome);
                    mv.visitFieldInsn(Opcodes.GETFIELD, OUTCOME, "value", "Ljava/lang/Object;");
                    unbox(ret);
                    mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
                }
                mv.visitLabel(rethrow);
                frame(withThrown);
            }
            mv.visitVarInsn(Opcodes.ALOAD, thrown);
            mv.visitInsn(Opcodes.ATHROW);
        }

        /** What happens after the body, normally (result local, no throwable) or when it threw. */
        private interface After {
            void emit(int resultLocal, int thrownLocal);
        }

        /** try { body } catch (any) { after(thrown); throw } after(result); return result. */
        private void callBody(List<Object> locals, After after) {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            mv.visitTryCatchBlock(start, end, handler, null);
            mv.visitLabel(start);
            invokeBody();
            mv.visitLabel(end);
            int result = storeResult();
            after.emit(result, -1);
            returnResult(result);
            mv.visitLabel(handler);
            frame(locals, THROWABLE);
            int thrown = local();
            mv.visitVarInsn(Opcodes.ASTORE, thrown);
            after.emit(-1, thrown);
            mv.visitVarInsn(Opcodes.ALOAD, thrown);
            mv.visitInsn(Opcodes.ATHROW);
        }

        private void throwIfRefused(int refused, List<Object> locals) {
            Label go = new Label();
            mv.visitVarInsn(Opcodes.ALOAD, refused);
            mv.visitJumpInsn(Opcodes.IFNULL, go);
            mv.visitVarInsn(Opcodes.ALOAD, refused);
            mv.visitInsn(Opcodes.ATHROW);
            mv.visitLabel(go);
            frame(locals);
        }

        private void invokeBody() {
            if (!isStatic) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
            }
            for (int i = 0; i < params.length; i++) {
                loadParam(i);
            }
            mv.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, owner, PREFIX + t.name, t.desc,
                    false);
        }

        private int storeResult() {
            if (ret.getSort() == Type.VOID) {
                return -1;
            }
            int result = nextLocal;
            nextLocal += ret.getSize();
            mv.visitVarInsn(ret.getOpcode(Opcodes.ISTORE), result);
            return result;
        }

        private void returnResult(int result) {
            if (result < 0) {
                mv.visitInsn(Opcodes.RETURN);
            } else {
                mv.visitVarInsn(ret.getOpcode(Opcodes.ILOAD), result);
                mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
            }
        }

        private void loadBoxed(int result) {
            if (result < 0) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            } else {
                mv.visitVarInsn(ret.getOpcode(Opcodes.ILOAD), result);
                box(ret);
            }
        }

        private void loadOrNull(int local) {
            if (local < 0) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            } else {
                mv.visitVarInsn(Opcodes.ALOAD, local);
            }
        }

        /** new Object[]{ the arguments, boxed }. */
        private void arguments() {
            push(params.length);
            mv.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
            for (int i = 0; i < params.length; i++) {
                mv.visitInsn(Opcodes.DUP);
                push(i);
                loadParam(i);
                box(params[i]);
                mv.visitInsn(Opcodes.AASTORE);
            }
        }

        private void loadParam(int index) {
            int slot = isStatic ? 0 : 1;
            for (int i = 0; i < index; i++) {
                slot += params[i].getSize();
            }
            mv.visitVarInsn(params[index].getOpcode(Opcodes.ILOAD), slot);
        }

        private int local() {
            return nextLocal++;
        }

        /** The base locals (this, parameters) followed by {@code extra}. */
        private List<Object> locals(Object... extra) {
            List<Object> l = new ArrayList<>(baseLocals);
            l.addAll(java.util.Arrays.asList(extra));
            return l;
        }

        private void frame(List<Object> locals, Object... stack) {
            mv.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.length, stack);
        }

        private void push(int value) {
            if (value >= -1 && value <= 5) {
                mv.visitInsn(Opcodes.ICONST_0 + value);
            } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
                mv.visitIntInsn(Opcodes.BIPUSH, value);
            } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
                mv.visitIntInsn(Opcodes.SIPUSH, value);
            } else {
                mv.visitLdcInsn(value);
            }
        }

        private void box(Type type) {
            String wrapper = wrapperOf(type);
            if (wrapper != null) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper, "valueOf",
                        "(" + type.getDescriptor() + ")L" + wrapper + ";", false);
            }
        }

        private void unbox(Type type) {
            String wrapper = wrapperOf(type);
            if (wrapper == null) {
                mv.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
            } else {
                mv.visitTypeInsn(Opcodes.CHECKCAST, wrapper);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, wrapper, type.getClassName() + "Value",
                        "()" + type.getDescriptor(), false);
            }
        }

        private static String wrapperOf(Type type) {
            switch (type.getSort()) {
                case Type.BOOLEAN:
                    return "java/lang/Boolean";
                case Type.CHAR:
                    return "java/lang/Character";
                case Type.BYTE:
                    return "java/lang/Byte";
                case Type.SHORT:
                    return "java/lang/Short";
                case Type.INT:
                    return "java/lang/Integer";
                case Type.FLOAT:
                    return "java/lang/Float";
                case Type.LONG:
                    return "java/lang/Long";
                case Type.DOUBLE:
                    return "java/lang/Double";
                default:
                    return null;
            }
        }

        private static Object frameType(Type type) {
            switch (type.getSort()) {
                case Type.BOOLEAN:
                case Type.CHAR:
                case Type.BYTE:
                case Type.SHORT:
                case Type.INT:
                    return Opcodes.INTEGER;
                case Type.FLOAT:
                    return Opcodes.FLOAT;
                case Type.LONG:
                    return Opcodes.LONG;
                case Type.DOUBLE:
                    return Opcodes.DOUBLE;
                default:
                    return type.getInternalName();
            }
        }
    }

    /** Whether a return type reports usage, read from class files through the class loader. */
    static final class UsageTypes {
        private UsageTypes() {
        }

        static boolean reportsUsage(Type type, ClassLoader loader) {
            if (type.getSort() != Type.OBJECT || type.getInternalName().equals(OBJECT)
                    || type.getInternalName().equals("java/lang/String")) {
                return false;
            }
            return hasUsageAccessor(type.getInternalName(), loader, 0);
        }

        private static boolean hasUsageAccessor(String internalName, ClassLoader loader, int depth) {
            if (internalName == null || depth > 20 || internalName.equals(OBJECT)) {
                return false;
            }
            byte[] bytes = read(internalName, loader);
            if (bytes == null) {
                return false;
            }
            boolean[] found = {false};
            ClassReader reader = new ClassReader(bytes);
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                                                 String[] exceptions) {
                    if ((access & Opcodes.ACC_STATIC) == 0 && desc.startsWith("()")
                            && (name.equals("usage") || name.equals("getUsage") || name.equals("tokenUsage")
                            || name.equals("getTokenUsage"))) {
                        found[0] = true;
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            if (found[0]) {
                return true;
            }
            for (String i : reader.getInterfaces()) {
                if (hasUsageAccessor(i, loader, depth + 1)) {
                    return true;
                }
            }
            return hasUsageAccessor(reader.getSuperName(), loader, depth + 1);
        }

        private static byte[] read(String internalName, ClassLoader loader) {
            String resource = internalName + ".class";
            try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                    : loader.getResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            } catch (Exception e) {
                return null;
            }
        }
    }
}
