package io.budget4j.agent;

import io.budget4j.config.InstrumentRule;
import io.budget4j.integrations.BuiltInRule;
import io.budget4j.integrations.ModelCallAdapter;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.ClassReader;

import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code instrument:} rules (the user's and the built-in integrations'), indexed for the
 * class file transformer: a cheap test of whether a class could hold a method a rule names (its
 * name, or a supertype's, matches a rule's type), and the rule for each method of a class being
 * woven. Supertypes are found from class file headers, never by loading classes.
 */
final class RuleIndex {
    private static final Logger LOG = System.getLogger("io.budget4j.agent");

    /** A rule and whether it has matched any method yet. */
    static final class Tracked {
        final InstrumentRule rule;
        final boolean builtIn;
        final ModelCallAdapter adapter;
        volatile boolean matched;

        Tracked(InstrumentRule rule, boolean builtIn, ModelCallAdapter adapter) {
            this.rule = rule;
            this.builtIn = builtIn;
            this.adapter = adapter;
        }
    }

    private final List<Tracked> rules;
    private final Map<ClassLoader, Map<String, Boolean>> hierarchyCache =
            Collections.synchronizedMap(new WeakHashMap<>());

    RuleIndex(List<Tracked> rules) {
        this.rules = List.copyOf(rules);
    }

    static RuleIndex of(List<InstrumentRule> userRules, List<BuiltInRule> builtInRules) {
        List<Tracked> all = new ArrayList<>();
        userRules.forEach(r -> all.add(new Tracked(r, false, null)));
        builtInRules.forEach(r -> all.add(new Tracked(r.rule(), true, r.adapter())));
        return new RuleIndex(all);
    }

    /** Could a rule match a method of this class? Cheap: names and class file headers only. */
    boolean mayMatch(String internalName, ClassLoader loader, byte[] classFile) {
        if (rules.isEmpty() || loader == null) {
            return false;
        }
        if (matchesTypePattern(internalName)) {
            return true;
        }
        String[] supers = supertypes(classFile);
        if (supers.length == 0) {
            return false;
        }
        Map<String, Boolean> cache = hierarchyCache.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        for (String s : supers) {
            if (isOrExtendsRuleType(s, loader, cache)) {
                return true;
            }
        }
        return false;
    }

    /** The first rule naming this method of {@code type}, or null. */
    Tracked match(TypeDescription type, MethodDescription.InDefinedShape method) {
        if (rules.isEmpty() || method.isAbstract() || method.isBridge() || method.isSynthetic()
                || !method.isMethod()) {
            return null;
        }
        Set<String> names = null;
        for (Tracked t : rules) {
            if (!t.rule.pattern().matchesMethodName(method.getName())) {
                continue;
            }
            if (names == null) {
                names = hierarchy(type);
            }
            if (!anyMatches(t, names)) {
                continue;
            }
            List<String> params = new ArrayList<>();
            for (TypeDescription p : method.getParameters().asTypeList().asErasures()) {
                params.add(p.getName());
            }
            if (t.rule.pattern().matchesParameters(params)) {
                t.matched = true;
                return t;
            }
        }
        return null;
    }

    /** User rules that matched no method so far. */
    List<InstrumentRule> unmatchedUserRules() {
        List<InstrumentRule> out = new ArrayList<>();
        for (Tracked t : rules) {
            if (!t.builtIn && !t.matched) {
                out.add(t.rule);
            }
        }
        return out;
    }

    private static boolean anyMatches(Tracked t, Set<String> names) {
        for (String n : names) {
            if (t.rule.pattern().matchesTypeName(n)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesTypePattern(String internalName) {
        String name = internalName.replace('/', '.');
        for (Tracked t : rules) {
            if (t.rule.pattern().matchesTypeName(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean isOrExtendsRuleType(String internalName, ClassLoader loader, Map<String, Boolean> cache) {
        if (internalName.equals("java/lang/Object")) {
            return false;
        }
        Boolean known = cache.get(internalName);
        if (known != null) {
            return known;
        }
        cache.put(internalName, Boolean.FALSE); // guards against cycles in broken hierarchies
        boolean result = matchesTypePattern(internalName);
        if (!result) {
            byte[] bytes = classFile(internalName, loader);
            if (bytes != null) {
                for (String s : supertypes(bytes)) {
                    if (isOrExtendsRuleType(s, loader, cache)) {
                        result = true;
                        break;
                    }
                }
            }
        }
        cache.put(internalName, result);
        return result;
    }

    private static byte[] classFile(String internalName, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (Exception e) {
            return null;
        }
    }

    private static String[] supertypes(byte[] classFile) {
        try {
            ClassReader reader = new ClassReader(classFile);
            String superName = reader.getSuperName();
            String[] interfaces = reader.getInterfaces();
            if (superName == null) {
                return interfaces;
            }
            String[] all = new String[interfaces.length + 1];
            all[0] = superName;
            System.arraycopy(interfaces, 0, all, 1, interfaces.length);
            return all;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "budget4j: unreadable class file header", e);
            return new String[0];
        }
    }

    /** The names of a type, its superclasses and all its interfaces. */
    private static Set<String> hierarchy(TypeDescription type) {
        Set<String> names = new HashSet<>();
        collect(type, names);
        return names;
    }

    private static void collect(TypeDefinition type, Set<String> names) {
        if (type == null || !names.add(type.asErasure().getName())) {
            return;
        }
        try {
            for (TypeDescription.Generic i : type.getInterfaces()) {
                collect(i, names);
            }
            collect(type.getSuperClass(), names);
        } catch (RuntimeException unresolvable) {
            // A supertype whose class file cannot be found: match on what is known.
        }
    }
}
