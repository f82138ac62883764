package io.budget4j.agent;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/** Weaves the classes of one concern; asked only about classes its pre-filter let through. */
interface ClassWeaver {
    /** A cheap test on the class's name and raw bytes: might this class need weaving? */
    boolean mayWeave(String internalName, ClassLoader loader, byte[] classFile);

    /** Adds advice to {@code builder}; returns null when nothing in {@code type} is to be woven. */
    DynamicType.Builder<?> weave(TypeDescription type, DynamicType.Builder<?> builder);
}
