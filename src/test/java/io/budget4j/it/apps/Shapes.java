package io.budget4j.it.apps;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.Budgeted;
import io.budget4j.ModelCall;
import io.budget4j.ToolCall;

import java.util.List;

/** Method shapes the weaving must keep working: static, wide primitives, void, varargs, synchronized, generics. */
public class Shapes {
    public static int staticBodies;
    public int bodies;

    @ModelCall(model = "gpt-4o")
    public static String staticModel(String prompt, long seed, double temperature) {
        staticBodies++;
        return prompt + seed + temperature;
    }

    @ToolCall
    public synchronized void voidTool(int a, long b, double c, char d, boolean e, float f, short g, byte h) {
        bodies++;
    }

    @ToolCall
    public <T extends Comparable<T>> T genericTool(List<T> items) throws java.io.IOException {
        bodies++;
        return items.get(0);
    }

    @ToolCall
    public String varargsTool(String... words) {
        bodies++;
        return String.join(" ", words);
    }

    @Budgeted(maxSteps = 3, fallback = "halfway")
    public long wide(long start, double factor) {
        long total = start;
        for (int i = 0; i < 5; i++) {
            voidTool(1, 2L, 3.0, 'x', true, 4f, (short) 5, (byte) 6);
            total += (long) factor;
        }
        return total;
    }

    private long halfway(long start, double factor, BudgetExhaustedException e) {
        return -start;
    }

    @Budgeted(maxSteps = 2)
    public static void staticRun(Shapes shapes) throws Exception {
        staticModel("a", 1L, 0.5);
        shapes.varargsTool("b", "c");
        shapes.genericTool(List.of("z"));
    }
}
