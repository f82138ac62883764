package io.budget4j.agent;

import java.util.Arrays;

/** All call sites woven in this JVM, by id. Registered at weave time, read on every call. */
public final class Sites {
    private static volatile CallSite[] sites = new CallSite[64];
    private static int count;

    private Sites() {
    }

    static synchronized int register(CallSite site) {
        CallSite[] s = sites;
        if (count == s.length) {
            s = Arrays.copyOf(s, s.length * 2);
        }
        s[count] = site;
        sites = s; // volatile write publishes the new entry to readers of the array
        return count++;
    }

    static CallSite get(int id) {
        return sites[id];
    }
}
