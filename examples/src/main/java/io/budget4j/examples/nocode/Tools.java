package io.budget4j.examples.nocode;

/** The bot's tools. */
public final class Tools {
    private Tools() {
    }

    public static String lookUpOrder(String customer) {
        return "order 4711 of " + customer + ": shipped yesterday";
    }

    public static String checkCarrier(String order) {
        return "the carrier says: out for delivery";
    }
}
