package io.budget4j.agent;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.pool.TypePool;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * The agent's one class file transformer. Every class the JVM loads passes a cheap pre-filter on
 * its bytes; Byte Buddy parses and weaves only the few that pass. A failure is logged and the
 * class is left as it was: its methods run unbudgeted, the application goes on.
 */
final class BudgetTransformer implements ClassFileTransformer {
    private static final Logger LOG = System.getLogger("io.budget4j.agent");

    private final List<ClassWeaver> weavers;

    /** Made on first use: an application with nothing to weave never builds it. */
    private static final class Holder {
        static final ByteBuddy BYTE_BUDDY = new ByteBuddy().with(TypeValidation.DISABLED);
    }

    BudgetTransformer(List<ClassWeaver> weavers) {
        this.weavers = weavers;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] classFile) {
        if (className == null || classFile == null) {
            return null;
        }
        for (ClassWeaver weaver : weavers) {
            if (weaver.mayWeave(className, loader, classFile)) {
                if (redefined == null && weaver instanceof AnnotatedClassWeaver) {
                    byte[] fast = weaveAtLoad((AnnotatedClassWeaver) weaver, loader, className, classFile);
                    if (fast != null) {
                        return fast;
                    }
                }
                return weave(weaver, loader, className, classFile);
            }
        }
        return null;
    }

    private static byte[] weaveAtLoad(AnnotatedClassWeaver weaver, ClassLoader loader, String className,
                                      byte[] classFile) {
        try {
            return weaver.weaveAtLoad(className, loader, classFile);
        } catch (Throwable e) {
            LOG.log(Level.DEBUG, "budget4j: the fast path left " + className + " to Byte Buddy", e);
            return null;
        }
    }

    private byte[] weave(ClassWeaver weaver, ClassLoader loader, String className, byte[] classFile) {
        String name = className.replace('/', '.');
        try {
            ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                    loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader()
                            : ClassFileLocator.ForClassLoader.of(loader));
            TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), locator,
                    TypePool.Default.ReaderMode.FAST);
            TypeDescription type = pool.describe(name).resolve();
            DynamicType.Builder<?> woven = weaver.weave(type, Holder.BYTE_BUDDY.decorate(type, locator));
            if (woven == null) {
                return null;
            }
            byte[] bytes = woven.make().getBytes();
            LOG.log(Level.DEBUG, "budget4j: wove {0}", name);
            return bytes;
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "budget4j: could not weave " + name + "; its methods run unbudgeted", e);
            return null;
        }
    }
}
