package io.budget4j.agent;

import net.bytebuddy.agent.ByteBuddyAgent;

import java.io.File;

/**
 * {@code java -jar budget4j-agent.jar attach PID [config=PATH]}: attaches the agent to a running
 * JVM; classes it already loaded are woven too.
 */
public final class AttachMain {
    private AttachMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !args[0].equals("attach")) {
            System.err.println("usage: java -jar budget4j-agent.jar attach PID [config=PATH]");
            System.exit(2);
            return;
        }
        File jar = new File(AttachMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String agentArgs = args.length > 2 ? String.join(",", java.util.Arrays.copyOfRange(args, 2, args.length)) : "";
        // Relative config paths mean "relative to where I run this", not to the target's directory.
        agentArgs = absoluteConfig(agentArgs);
        ByteBuddyAgent.attach(jar, args[1], agentArgs);
        System.out.println("budget4j: attached to " + args[1]);
    }

    private static String absoluteConfig(String agentArgs) {
        StringBuilder out = new StringBuilder();
        for (String part : agentArgs.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            if (part.startsWith("config=")) {
                out.append("config=").append(new File(part.substring(7)).getAbsolutePath());
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }
}
