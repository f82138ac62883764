package io.budget4j.agent;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

import java.nio.charset.StandardCharsets;

/**
 * Weaves application classes that declare {@code @Budgeted}, {@code @ModelCall} or
 * {@code @ToolCall} methods, or that the {@code instrument:} rules name. The pre-filter looks for
 * budget4j's annotation descriptors in the class file's bytes, and for rule types among the
 * class's supertypes, so other classes are never parsed.
 */
final class AnnotatedClassWeaver implements ClassWeaver {
    private static final byte[] MARKER = "Lio/budget4j/".getBytes(StandardCharsets.US_ASCII);

    private final WeavePlanner planner;
    private final WrapperWeaver wrapper;

    AnnotatedClassWeaver(WeavePlanner planner, WrapperWeaver wrapper) {
        this.planner = planner;
        this.wrapper = wrapper;
    }

    /**
     * The class woven on the start-up fast path ({@link WrapperWeaver}), or null to take the Byte
     * Buddy path: a class the rules may name, or one the fast path does not handle.
     */
    byte[] weaveAtLoad(String internalName, ClassLoader loader, byte[] classFile) {
        if (!contains(classFile, MARKER) || planner.rules().mayMatch(internalName, loader, classFile)) {
            return null;
        }
        return wrapper.weave(internalName, loader, classFile);
    }

    @Override
    public boolean mayWeave(String internalName, ClassLoader loader, byte[] classFile) {
        if (loader == null || OwnClasses.isOwn(internalName.replace('/', '.'))) {
            return false;
        }
        return contains(classFile, MARKER) || planner.rules().mayMatch(internalName, loader, classFile);
    }

    @Override
    public DynamicType.Builder<?> weave(TypeDescription type, DynamicType.Builder<?> builder) {
        boolean any = false;
        for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
            AsmVisitorWrapper advice = planner.plan(type, m);
            if (advice != null) {
                builder = builder.visit(advice);
                any = true;
            }
        }
        return any ? builder : null;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
