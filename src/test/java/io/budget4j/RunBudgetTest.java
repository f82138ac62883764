package io.budget4j;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunBudgetTest {
    @Test
    void theSeedsConstructorSetsItsThreeLimits() {
        RunBudget b = RunBudget.of(5, 2000, 10);
        assertEquals(5, b.maxSteps().getAsInt());
        assertEquals(2000, b.maxTokens().getAsLong());
        assertEquals(Duration.ofSeconds(10), b.maxTime().orElseThrow());
        assertTrue(b.maxNestedToolCalls().isEmpty());
    }

    @Test
    void anUnsetLimitIsUnlimited() {
        assertTrue(RunBudget.builder().build().isUnlimited());
        assertTrue(RunBudget.UNLIMITED.maxSteps().isEmpty());
    }

    @Test
    void zeroOrNegativeLimitsAreRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunBudget.builder().maxSteps(0));
        assertEquals("maxSteps must be a positive number, but was 0; leave it unset for no limit", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunBudget.builder().maxTokens(-1));
        assertThrows(IllegalArgumentException.class, () -> RunBudget.builder().maxSeconds(-0.5));
        assertThrows(IllegalArgumentException.class, () -> RunBudget.builder().maxSeconds(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RunBudget.builder().maxNestedToolCalls(0));
    }

    @Test
    void tighterOfTakesEachSmallerLimit() {
        RunBudget a = RunBudget.builder().maxSteps(5).maxTokens(100).build();
        RunBudget b = RunBudget.builder().maxSteps(9).maxTokens(50).maxSeconds(3).build();
        RunBudget t = a.tighterOf(b);
        assertEquals(5, t.maxSteps().getAsInt());
        assertEquals(50, t.maxTokens().getAsLong());
        assertEquals(3.0, t.maxSeconds().getAsDouble());
    }
}
