package io.budget4j.quota;

import io.budget4j.BudgetExhaustedException;
import io.budget4j.Limit;
import io.budget4j.Priority;
import io.budget4j.TenantContext;
import io.budget4j.TenantScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link QuotaStore} must show, run against each real store (as Bucket4j's
 * shared test kit does): a subclass supplies fresh stores, the tests drive them through a
 * {@link QuotaService} on a clock they move by hand.
 */
public abstract class QuotaStoreContract {
    /** A new, empty store, closed after the test. */
    protected abstract QuotaStore newStore();

    protected final MutableClock clock = MutableClock.at("2025-03-14T10:00:00Z");
    protected QuotaStore store;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<QuotaService> services = new ArrayList<>();
    /** Set by tests that take the store down on purpose. */
    protected boolean storeFailuresExpected;

    @BeforeEach
    void openStore() {
        store = closeLater(newStore());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        // A store failure would be hidden by on_store_error (allow answers yes, deny no): none may happen.
        if (!storeFailuresExpected) {
            for (QuotaService s : services) {
                assertEquals(0, s.storeFailures(), "operations that failed to reach " + store.description());
            }
        }
    }

    protected <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    protected QuotaService service(QuotaPolicy.Builder policy) {
        return service(policy, store);
    }

    protected QuotaService service(QuotaPolicy.Builder policy, QuotaStore on) {
        QuotaService s = QuotaService.create(policy.build(), on, clock);
        services.add(s);
        return s;
    }

    protected static QuotaPolicy.Builder quota(long tokens) {
        return QuotaPolicy.builder().dailyTokens(tokens).defaultPriority(Priority.HIGH);
    }

    // ---- exactness ---------------------------------------------------------------------------

    @Test
    void tryConsumeIsExactUnderConcurrency() throws Exception {
        QuotaService quotas = service(quota(2_000));
        List<Long> admitted = concurrently(8, () -> {
            long n = 0;
            while (quotas.tryConsume("acme", 1)) {
                n++;
            }
            return n;
        });
        assertEquals(2_000, admitted.stream().mapToLong(Long::longValue).sum());
        assertEquals(2_000, quotas.usage("acme").used());
        assertEquals(0, quotas.remaining("acme"));
    }

    @Test
    void reservationsAreExactUnderConcurrency() throws Exception {
        QuotaService quotas = service(quota(1_200));
        List<Long> admitted = concurrently(6, () -> {
            long n = 0;
            for (;;) {
                Reservation r;
                try {
                    r = quotas.reserve("acme", 3);
                } catch (QuotaExhaustedException e) {
                    return n;
                }
                r.settle(3);
                n++;
            }
        });
        assertEquals(400, admitted.stream().mapToLong(Long::longValue).sum());
        QuotaUsage u = quotas.usage("acme");
        assertEquals(1_200, u.used());
        assertEquals(0, u.reserved());
    }

    // ---- tenants and windows -----------------------------------------------------------------

    @Test
    void tenantsAreIsolated() {
        QuotaService quotas = service(quota(100).tenant("big", 1_000));
        assertTrue(quotas.tryConsume("small", 100));
        assertFalse(quotas.tryConsume("small", 1));
        assertTrue(quotas.tryConsume("other", 100), "another tenant on the default quota has its own");
        assertTrue(quotas.tryConsume("big", 1_000));
        assertEquals(100, quotas.usage("small").used());
        assertEquals(100, quotas.usage("other").used());
        assertEquals(1_000, quotas.usage("big").used());
        assertEquals(0, quotas.usage("nobody").used());
    }

    @Test
    void dailyQuotaResetsAtMidnightInTheConfiguredZone() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        clock.set(Instant.parse("2025-03-14T22:59:00Z")); // 23:59 in Paris
        QuotaService quotas = service(quota(100).zone(paris));
        assertTrue(quotas.tryConsume("acme", 100));
        assertFalse(quotas.tryConsume("acme", 1));
        assertEquals(Instant.parse("2025-03-14T23:00:00Z"), quotas.usage("acme").resetsAt());

        clock.advance(Duration.ofSeconds(59));
        assertFalse(quotas.tryConsume("acme", 1), "still the same day in Paris");

        clock.advance(Duration.ofSeconds(1)); // midnight in Paris, 23:00 UTC
        QuotaUsage fresh = quotas.usage("acme");
        assertEquals(0, fresh.used());
        assertEquals(Instant.parse("2025-03-14T23:00:00Z"), fresh.windowStart());
        assertEquals(Instant.parse("2025-03-15T23:00:00Z"), fresh.resetsAt());
        assertTrue(quotas.tryConsume("acme", 100));
    }

    @Test
    void monthlyQuotaResetsOnTheFirstOfTheMonth() {
        clock.set(Instant.parse("2025-02-27T12:00:00Z"));
        QuotaService quotas = service(quota(50).window(QuotaWindow.MONTHLY));
        assertTrue(quotas.tryConsume("acme", 50));
        clock.advance(Duration.ofDays(1)); // Feb 28: same month
        assertFalse(quotas.tryConsume("acme", 1));
        QuotaUsage u = quotas.usage("acme");
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"), u.windowStart());
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), u.resetsAt());

        clock.set(Instant.parse("2025-03-01T00:00:00Z"));
        assertTrue(quotas.tryConsume("acme", 50));
    }

    // ---- priorities --------------------------------------------------------------------------

    @Test
    void lowerPrioritiesMayUseOnlyTheirShare() {
        QuotaService quotas = service(quota(1_000));
        assertTrue(quotas.tryConsume("acme", 700, Priority.LOW));
        assertFalse(quotas.tryConsume("acme", 1, Priority.LOW), "low stops at 70%");
        assertTrue(quotas.tryConsume("acme", 200, Priority.NORMAL));
        assertFalse(quotas.tryConsume("acme", 1, Priority.NORMAL), "normal stops at 90%");
        assertTrue(quotas.tryConsume("acme", 100, Priority.HIGH), "high may use it all");
        assertFalse(quotas.tryConsume("acme", 1, Priority.HIGH));
        assertEquals(0, quotas.remaining("acme", Priority.LOW));
    }

    @Test
    void prioritySharesAreConfigurable() {
        QuotaService quotas = service(quota(1_000).priorityShare(Priority.LOW, 0.25));
        assertEquals(250, quotas.remaining("acme", Priority.LOW));
        assertFalse(quotas.tryConsume("acme", 251, Priority.LOW));
        assertTrue(quotas.tryConsume("acme", 250, Priority.LOW));
    }

    @Test
    void aTenantsPriorityComesFromThePolicyAndATenantScopeOverridesIt() {
        QuotaService quotas = service(QuotaPolicy.builder().dailyTokens(1_000)
                .tenant("batch", TenantQuota.ofPriority(Priority.LOW)));
        assertEquals(Priority.NORMAL, quotas.usage("web").priority(), "the default priority");
        assertEquals(900, quotas.remaining("web"));
        assertEquals(700, quotas.remaining("batch"));

        // Through the engine's gate: the thread's tenant scope may set the priority of its calls.
        assertNull(quotas.tryAcquire("batch", 700, "m"));
        quotas.settle("batch", 700, 700);
        assertNotNull(quotas.tryAcquire("batch", 1, "m"), "batch at low priority is out");
        try (TenantScope s = TenantContext.open("batch", Priority.HIGH)) {
            assertNull(quotas.tryAcquire("batch", 300, "m"), "the same tenant at high priority gets the rest");
            quotas.settle("batch", 300, 300);
        }
        assertEquals(1_000, quotas.usage("batch").used());
    }

    // ---- reservations ------------------------------------------------------------------------

    @Test
    void settleChargesTheActualTokensAndReleasesTheRest() {
        QuotaService quotas = service(quota(1_000));
        Reservation r = quotas.reserve("acme", 400);
        QuotaUsage held = quotas.usage("acme");
        assertEquals(0, held.used());
        assertEquals(400, held.reserved());
        assertEquals(600, held.remaining());

        r.settle(150);
        QuotaUsage after = quotas.usage("acme");
        assertEquals(150, after.used());
        assertEquals(0, after.reserved());
        assertEquals(850, after.remaining());
    }

    @Test
    void aCallMayUseMoreThanItReserved() {
        QuotaService quotas = service(quota(1_000));
        quotas.reserve("acme", 100).settle(300);
        assertEquals(300, quotas.usage("acme").used());
    }

    @Test
    void releaseGivesEverythingBack() {
        QuotaService quotas = service(quota(1_000));
        try (Reservation r = quotas.reserve("acme", 1_000)) {
            assertThrows(QuotaExhaustedException.class, () -> quotas.reserve("acme", 1));
        }
        QuotaUsage u = quotas.usage("acme");
        assertEquals(0, u.used());
        assertEquals(0, u.reserved());
        assertTrue(quotas.tryConsume("acme", 1_000));
    }

    @Test
    void onlyTheFirstSettleOfAReservationCounts() {
        QuotaService quotas = service(quota(1_000));
        Reservation r = quotas.reserve("acme", 100);
        r.settle(80);
        r.settle(80);
        r.release();
        assertTrue(r.isDone());
        assertEquals(80, quotas.usage("acme").used());
    }

    @Test
    void aReservationNeverSettledIsFreedWhenItsLeaseExpires() {
        QuotaService quotas = service(quota(1_000).reservationTtl(Duration.ofMinutes(5)));
        Reservation leaked = quotas.reserve("acme", 1_000); // its holder "dies": never settled
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), leaked.expiresAt());
        assertFalse(quotas.tryConsume("acme", 1));

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertFalse(quotas.tryConsume("acme", 1), "the lease still holds");
        assertEquals(1_000, quotas.usage("acme").reserved());

        clock.advance(Duration.ofMillis(1));
        assertEquals(0, quotas.usage("acme").reserved(), "expired leases are freed when read");
        assertTrue(quotas.tryConsume("acme", 1_000));
    }

    @Test
    void anExpiredLeaseIsFreedByTheNextAdmissionThatNeedsRoom() {
        QuotaService quotas = service(quota(1_000).reservationTtl(Duration.ofSeconds(30)));
        quotas.reserve("acme", 600);
        clock.advance(Duration.ofSeconds(30));
        assertTrue(quotas.tryConsume("acme", 1_000));
    }

    @Test
    void settlingAfterTheLeaseExpiredStillChargesTheCall() {
        QuotaService quotas = service(quota(1_000).reservationTtl(Duration.ofSeconds(30)));
        Reservation slow = quotas.reserve("acme", 100);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(0, quotas.usage("acme").reserved());
        slow.settle(90);
        QuotaUsage u = quotas.usage("acme");
        assertEquals(90, u.used());
        assertEquals(0, u.reserved(), "the expired lease is not freed twice");
    }

    // ---- reports and the seed's operations ---------------------------------------------------

    @Test
    void usageReportsWindowUsedReservedAndLimit() {
        QuotaService quotas = service(QuotaPolicy.builder().dailyTokens(500).tenant("acme", TenantQuota.of(2_000, Priority.LOW)));
        quotas.tryConsume("acme", 300);
        quotas.reserve("acme", 200);
        QuotaUsage u = quotas.usage("acme");
        assertEquals("acme", u.tenant());
        assertEquals(Priority.LOW, u.priority());
        assertEquals(2_000, u.limit());
        assertEquals(1_400, u.allowed());
        assertEquals(300, u.used());
        assertEquals(200, u.reserved());
        assertEquals(900, u.remaining());
        assertEquals(Instant.parse("2025-03-14T00:00:00Z"), u.windowStart());
        assertEquals(Instant.parse("2025-03-15T00:00:00Z"), u.resetsAt());
        assertTrue(u.storeReachable());
        assertFalse(u.unlimited());
    }

    @Test
    void aTenantWithoutQuotaIsCountedButNeverRefused() {
        QuotaService quotas = service(QuotaPolicy.builder().tenant("capped", 10));
        assertTrue(quotas.tryConsume("free", 1_000_000_000L));
        assertNull(quotas.tryAcquire("free", 5, "m"));
        quotas.settle("free", 5, 5);
        QuotaUsage u = quotas.usage("free");
        assertTrue(u.unlimited());
        assertEquals(1_000_000_005L, u.used());
        assertEquals(Long.MAX_VALUE, u.remaining());
        assertFalse(quotas.tryConsume("capped", 11));
    }

    @Test
    void theSeedsCheckThenConsume() {
        QuotaService quotas = service(quota(10_000));
        assertTrue(quotas.checkQuota("tenant_123", 2_000));
        assertEquals(0, quotas.usage("tenant_123").used(), "checking charges nothing");
        quotas.consumeQuota("tenant_123", 9_500);
        assertEquals(500, quotas.remaining("tenant_123"));
        assertFalse(quotas.checkQuota("tenant_123", 2_000));
        quotas.consumeQuota("tenant_123", 2_000); // spent already: charged even beyond the quota
        assertEquals(11_500, quotas.usage("tenant_123").used());
        assertEquals(0, quotas.remaining("tenant_123"));
    }

    @Test
    void aCallNeedsAtLeastOneTokenLeft() {
        QuotaService quotas = service(quota(10));
        assertNull(quotas.tryAcquire("acme", 0, "m"), "an unknown estimate is admitted while tokens are left");
        quotas.settle("acme", 0, 10);
        assertNotNull(quotas.tryAcquire("acme", 0, "m"), "and refused once none are");
        assertFalse(quotas.tryConsume("acme", 0));
    }

    @Test
    void aNewServiceOnTheSameStoreSeesTheUsage() {
        service(quota(1_000)).tryConsume("acme", 600);
        QuotaService again = service(quota(1_000));
        assertEquals(600, again.usage("acme").used());
        assertFalse(again.tryConsume("acme", 401));
    }

    // ---- the engine's gate -------------------------------------------------------------------

    @Test
    void theGateRefusesWithAMessageNamingTenantWindowUsageAndReset() {
        QuotaService quotas = service(QuotaPolicy.builder().tenant("acme", 1_000).defaultPriority(Priority.HIGH));
        assertNull(quotas.tryAcquire("acme", 800, "Llm#chat"));
        quotas.settle("acme", 800, 950);

        BudgetExhaustedException refusal = quotas.tryAcquire("acme", 100, "Llm#chat");
        assertNotNull(refusal);
        assertEquals(Limit.QUOTA, refusal.limit());
        QuotaExhaustedException q = assertInstanceOf(QuotaExhaustedException.class, refusal);
        assertEquals("acme", q.tenant());
        assertEquals(950, q.quota().orElseThrow().used());
        String m = refusal.getMessage();
        assertTrue(m.contains("tenant 'acme'"), m);
        assertTrue(m.contains("daily window 2025-03-14 (UTC)"), m);
        assertTrue(m.contains("used 950 of 1000 tokens"), m);
        assertTrue(m.contains("needs 100"), m);
        assertTrue(m.contains("Llm#chat was not made"), m);
        assertTrue(m.contains("resets at 2025-03-15T00:00:00Z"), m);
    }

    @Test
    void nestedModelCallsSettleInnermostFirst() {
        QuotaService quotas = service(quota(1_000));
        assertNull(quotas.tryAcquire("acme", 100, "outer"));
        assertNull(quotas.tryAcquire("acme", 50, "inner"));
        assertEquals(150, quotas.usage("acme").reserved());
        quotas.settle("acme", 50, 40);
        assertEquals(100, quotas.usage("acme").reserved(), "the inner call's hold is gone, the outer's stays");
        quotas.settle("acme", 100, 120);
        QuotaUsage u = quotas.usage("acme");
        assertEquals(160, u.used());
        assertEquals(0, u.reserved());
    }

    @Test
    void aSettleWithoutAdmissionOnThisThreadIsStillCharged() {
        QuotaService quotas = service(quota(1_000));
        quotas.settle("acme", 0, 30);
        assertEquals(30, quotas.usage("acme").used());
    }

    @Test
    void theGateLetsCallsWithoutTenantThrough() {
        QuotaService quotas = service(quota(0));
        assertNull(quotas.tryAcquire(null, 100, "m"));
        quotas.settle(null, 100, 100);
    }

    @Test
    void installMakesTheServiceTheEnginesGate() {
        QuotaService quotas = service(quota(10));
        try {
            quotas.install();
            assertTrue(io.budget4j.internal.Engine.quotaGate() == quotas);
        } finally {
            io.budget4j.internal.Engine.quotaGate(null);
        }
    }

    /**
     * The documented bound: calls admitted while the quota had room may each use more than they
     * reserved, so the tenant may end at most {@code callers * (actual - estimate)} past its quota.
     * Here every round admits up to 4 calls that are all in flight at once before any settles.
     */
    @Test
    void overshootStaysWithinTheCallsInFlight() throws Exception {
        int callers = 4;
        long quota = 1_030;
        long estimate = 10;
        long actual = 25;
        QuotaService quotas = service(quota(quota));
        Phaser inFlight = new Phaser(callers);
        concurrently(callers, () -> {
            for (;;) {
                if (quotas.tryAcquire("acme", estimate, "m") != null) {
                    inFlight.arriveAndDeregister();
                    return 0L;
                }
                inFlight.arriveAndAwaitAdvance(); // every call admitted this round is now in flight
                quotas.settle("acme", estimate, actual);
            }
        });
        long used = quotas.usage("acme").used();
        assertTrue(used <= quota + callers * (actual - estimate), "used " + used);
        assertTrue(used > quota - estimate, "the quota was spent: used " + used);
        assertTrue(used > quota, "calls in flight overshot as the test arranged: used " + used);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Runs {@code task} on {@code threads} threads released together; returns their results. */
    protected static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
