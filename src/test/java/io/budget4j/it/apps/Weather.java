package io.budget4j.it.apps;

import java.util.concurrent.atomic.AtomicInteger;

/** The apps' one tool, plain business code: a weather lookup that counts how often it ran. */
public final class Weather {
    private static final AtomicInteger LOOKUPS = new AtomicInteger();

    private Weather() {
    }

    public static String lookup(String city) {
        LOOKUPS.incrementAndGet();
        return "Sunny and 21 degrees in " + city;
    }

    public static int lookups() {
        return LOOKUPS.get();
    }
}
