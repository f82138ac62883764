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
    private final ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED);

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
                return weave(weaver, loader, className, classFile);
            }
        }
        return null;
    }

    /** Weaves a class's bytes with the first weaver and throws the result away (see {@link WarmUp}). */
    void warmUp(String className, byte[] classFile) {
        weave(weavers.get(0), WarmUp.class.getClassLoader(), className, classFile);
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
            DynamicType.Builder<?> woven = weaver.weave(type, byteBuddy.decorate(type, locator));
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
