package io.budget4j.it.apps;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.budget4j.BudgetContext;
import io.budget4j.Budgeted;
import io.budget4j.ModelCall;
import net.bytebuddy.ByteBuddy;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;

/**
 * An application that uses its own versions of Byte Buddy, SnakeYAML and jtokkit (the libraries
 * budget4j shades), and is budgeted by the agent at the same time.
 */
public class OwnLibrariesApp {
    @ModelCall
    public String ask(String q) {
        return "answer";
    }

    @Budgeted(maxSteps = 5)
    public int run() {
        ask("one");
        ask("two");
        return BudgetContext.current().orElseThrow().usage().steps();
    }

    public static void main(String[] args) throws Exception {
        Class<?> made = new ByteBuddy().subclass(Object.class).name("app.Generated").make()
                .load(OwnLibrariesApp.class.getClassLoader()).getLoaded();
        Map<?, ?> yaml = new Yaml().load("answer: 42");
        int tokens = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE)
                .countTokens("hello world");
        System.out.println("BYTE_BUDDY=" + ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation());
        System.out.println("SNAKEYAML=" + Yaml.class.getProtectionDomain().getCodeSource().getLocation());
        System.out.println("JTOKKIT=" + Encodings.class.getProtectionDomain().getCodeSource().getLocation());
        System.out.println("GENERATED=" + made.getName());
        System.out.println("YAML=" + yaml.get("answer"));
        System.out.println("TOKENS=" + tokens);
        System.out.println("STEPS=" + new OwnLibrariesApp().run());
    }
}
