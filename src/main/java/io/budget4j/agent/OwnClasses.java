package io.budget4j.agent;

/** budget4j's own classes, never woven (application classes under io.budget4j.* still are). */
final class OwnClasses {
    private static final String[] PACKAGES = {"agent", "internal", "shaded", "config", "tokens", "quota",
            "aspectj", "integrations"};

    private OwnClasses() {
    }

    static boolean isOwn(String name) {
        if (!name.startsWith("io.budget4j.")) {
            return false;
        }
        String rest = name.substring("io.budget4j.".length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return true; // the public API
        }
        String pkg = rest.substring(0, dot);
        for (String p : PACKAGES) {
            if (p.equals(pkg)) {
                return true;
            }
        }
        return false;
    }
}
