package io.budget4j;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TenantContextTest {
    @Test
    void aScopeSetsTheTenantAndRestoresThePreviousOneOnClose() {
        assertEquals(Optional.empty(), TenantContext.current());
        try (TenantScope outer = TenantContext.open("acme")) {
            assertEquals(Optional.of("acme"), TenantContext.current());
            assertEquals(Optional.empty(), TenantContext.currentPriority());
            try (TenantScope inner = TenantContext.open("globex", Priority.LOW)) {
                assertEquals(Optional.of("globex"), TenantContext.current());
                assertEquals(Optional.of(Priority.LOW), TenantContext.currentPriority());
            }
            assertEquals(Optional.of("acme"), TenantContext.current());
            assertEquals(Optional.empty(), TenantContext.currentPriority());
        }
        assertEquals(Optional.empty(), TenantContext.current());
    }

    @Test
    void theTenantBelongsToTheThreadThatOpenedIt() throws Exception {
        try (TenantScope s = TenantContext.open("acme")) {
            AtomicReference<Optional<String>> seen = new AtomicReference<>();
            Thread t = new Thread(() -> seen.set(TenantContext.current()));
            t.start();
            t.join();
            assertEquals(Optional.empty(), seen.get());
        }
    }

    @Test
    void tenantAndPriorityFollowWorkHandedToAnotherThread() throws Exception {
        io.budget4j.internal.ContextSnapshot snapshot;
        try (TenantScope s = TenantContext.open("acme", Priority.LOW)) {
            snapshot = io.budget4j.internal.ContextSnapshot.capture();
        }
        AtomicReference<String> seen = new AtomicReference<>();
        Thread t = new Thread(() -> snapshot.run(() -> seen.set(TenantContext.current().orElse("-") + "/"
                + TenantContext.currentPriority().map(Priority::name).orElse("-"))));
        t.start();
        t.join();
        assertEquals("acme/LOW", seen.get());
    }

    @Test
    void closingAnOuterScopeFirstLeavesTheInnerTenantInPlace() {
        TenantScope outer = TenantContext.open("acme");
        TenantScope inner = TenantContext.open("globex");
        outer.close();
        assertEquals(Optional.of("globex"), TenantContext.current());
        inner.close();
        assertEquals(Optional.of("acme"), TenantContext.current(), "the inner scope restores what it found");
        io.budget4j.internal.Frames.frameForUpdate().tenant = null; // leave the thread clean for other tests
    }

    @Test
    void aTenantIdIsRequired() {
        assertThrows(NullPointerException.class, () -> TenantContext.open(null));
        assertThrows(IllegalArgumentException.class, () -> TenantContext.open(""));
    }
}
