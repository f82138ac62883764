package io.budget4j.tokens;

import io.budget4j.tokens.fixtures.PretendSdk;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageReaderTest {

    // --- shapes of the SDKs we meet -----------------------------------------------------------

    /** OpenAI Java SDK: {@code usage()} is an Optional, the usage has primitive counts. */
    public record OpenAiCompletion(Optional<OpenAiUsage> usage) {
    }

    public record OpenAiUsage(long promptTokens, long completionTokens, long totalTokens) {
    }

    /** LangChain4j: {@code tokenUsage()}, boxed Integer counts, any of which may be null. */
    public record Lc4jResponse(Lc4jTokenUsage tokenUsage) {
    }

    public record Lc4jTokenUsage(Integer inputTokenCount, Integer outputTokenCount, Integer totalTokenCount) {
    }

    /** Spring AI: {@code getUsage()} with {@code getPromptTokens()/getCompletionTokens()}, no total. */
    public static final class SpringResponse {
        private final SpringUsage usage;

        public SpringResponse(SpringUsage usage) {
            this.usage = usage;
        }

        public SpringUsage getUsage() {
            return usage;
        }
    }

    public static final class SpringUsage {
        private final Integer prompt;
        private final Integer completion;

        public SpringUsage(Integer prompt, Integer completion) {
            this.prompt = prompt;
            this.completion = completion;
        }

        public Integer getPromptTokens() {
            return prompt;
        }

        public Integer getCompletionTokens() {
            return completion;
        }
    }

    /** Anthropic: {@code usage()} with primitive {@code inputTokens()/outputTokens()}. */
    public record AnthropicMessage(AnthropicUsage usage) {
    }

    public record AnthropicUsage(long inputTokens, long outputTokens) {
    }

    /** {@code getTokenUsage()} with Optional and OptionalLong halves. */
    public record OptionalHalves(OptionalHalvesUsage getTokenUsage) {
    }

    public record OptionalHalvesUsage(Optional<Long> getInputTokens, OptionalLong getOutputTokens) {
    }

    /** {@code getTotalTokens()} as a boxed Long. */
    public record BoxedTotal(BoxedTotalUsage getUsage) {
    }

    public record BoxedTotalUsage(Long getTotalTokens) {
    }

    /** Other Number types. */
    public record BigTotal(BigInteger totalTokens) {
    }

    public record AtomicTotal(AtomicLong totalTokenCount) {
    }

    /** The end event of a stream: the response is itself the usage. */
    public record StreamEnd(int totalTokens) {
    }

    public record StreamEndPair(int promptTokens, int completionTokens) {
    }

    /** A usage getter whose value has no recognised shape. */
    public record TextualUsage(String usage) {
    }

    /** A total that is negative (not a count) next to a valid pair. */
    public record NegativeTotal(int totalTokens, int inputTokens, int outputTokens) {
    }

    /** A usage getter that fails, as SDK getters do on malformed JSON. */
    public static final class Exploding {
        public Object usage() {
            throw new IllegalStateException("malformed usage field");
        }
    }

    /** A private class: only reflection with setAccessible reaches its getters. */
    private record PrivateResponse(PrivateUsage usage) {
    }

    private record PrivateUsage(int totalTokens) {
    }

    // --- recognised shapes --------------------------------------------------------------------

    @Test
    void readsTheTotalOfAnOptionalUsage() {
        assertEquals(42, UsageReader.tokensOf(new OpenAiCompletion(Optional.of(new OpenAiUsage(30, 12, 42)))));
    }

    @Test
    void anEmptyOptionalUsageReportsNothing() {
        assertEquals(-1, UsageReader.tokensOf(new OpenAiCompletion(Optional.empty())));
    }

    @Test
    void aNullUsageReportsNothing() {
        assertEquals(-1, UsageReader.tokensOf(new Lc4jResponse(null)));
        assertEquals(-1, UsageReader.tokensOf(new SpringResponse(null)));
    }

    @Test
    void boxedTotalWinsOverThePair() {
        assertEquals(100, UsageReader.tokensOf(new Lc4jResponse(new Lc4jTokenUsage(10, 20, 100))));
    }

    @Test
    void aNullTotalFallsBackToThePair() {
        assertEquals(30, UsageReader.tokensOf(new Lc4jResponse(new Lc4jTokenUsage(10, 20, null))));
    }

    @Test
    void aNullHalfOfAPairCountsAsZeroWhenTheOtherHalfIsReported() {
        assertEquals(10, UsageReader.tokensOf(new Lc4jResponse(new Lc4jTokenUsage(10, null, null))));
        assertEquals(7, UsageReader.tokensOf(new SpringResponse(new SpringUsage(null, 7))));
    }

    @Test
    void aUsageWithNothingReportedReportsNothing() {
        assertEquals(-1, UsageReader.tokensOf(new Lc4jResponse(new Lc4jTokenUsage(null, null, null))));
        assertEquals(-1, UsageReader.tokensOf(new SpringResponse(new SpringUsage(null, null))));
    }

    @Test
    void sumsGetterPairs() {
        assertEquals(15, UsageReader.tokensOf(new SpringResponse(new SpringUsage(5, 10))));
    }

    @Test
    void sumsPrimitiveInputOutputPairs() {
        assertEquals(1_234_567_890_123L,
                UsageReader.tokensOf(new AnthropicMessage(new AnthropicUsage(1_234_567_890_000L, 123))));
    }

    @Test
    void readsOptionalAndOptionalLongHalves() {
        assertEquals(9, UsageReader.tokensOf(new OptionalHalves(new OptionalHalvesUsage(Optional.of(4L), OptionalLong.of(5)))));
        assertEquals(4, UsageReader.tokensOf(new OptionalHalves(new OptionalHalvesUsage(Optional.of(4L), OptionalLong.empty()))));
        assertEquals(-1, UsageReader.tokensOf(new OptionalHalves(new OptionalHalvesUsage(Optional.empty(), OptionalLong.empty()))));
    }

    @Test
    void readsBoxedAndOtherNumberTotals() {
        assertEquals(77, UsageReader.tokensOf(new BoxedTotal(new BoxedTotalUsage(77L))));
        assertEquals(-1, UsageReader.tokensOf(new BoxedTotal(new BoxedTotalUsage(null))));
        assertEquals(88, UsageReader.tokensOf(new BigTotal(BigInteger.valueOf(88))));
        assertEquals(99, UsageReader.tokensOf(new AtomicTotal(new AtomicLong(99))));
    }

    @Test
    void aResponseThatIsItselfAUsageReportsItsTotals() {
        assertEquals(512, UsageReader.tokensOf(new StreamEnd(512)));
        assertEquals(6, UsageReader.tokensOf(new StreamEndPair(2, 4)));
    }

    @Test
    void aNegativeTotalIsNoTotal() {
        assertEquals(11, UsageReader.tokensOf(new NegativeTotal(-1, 5, 6)));
    }

    // --- accessibility ------------------------------------------------------------------------

    @Test
    void readsAPackagePrivateImplementationThroughItsPublicInterface() {
        assertEquals(21, UsageReader.tokensOf(PretendSdk.completion(13, 8)));
        assertEquals(-1, UsageReader.tokensOf(PretendSdk.completionWithoutUsage()));
    }

    @Test
    void readsNonPublicClassesWithoutPublicSupertypesByReflection() {
        assertEquals(64, UsageReader.tokensOf(PretendSdk.hiddenResponse(64)));
        assertEquals(3, UsageReader.tokensOf(new PrivateResponse(new PrivateUsage(3))));
    }

    // --- no usage -----------------------------------------------------------------------------

    @Test
    void responsesWithoutUsageReportNothing() {
        assertEquals(-1, UsageReader.tokensOf(null));
        assertEquals(-1, UsageReader.tokensOf("a plain completion"));
        assertEquals(-1, UsageReader.tokensOf(new Object()));
        assertEquals(-1, UsageReader.tokensOf(new TextualUsage("lots")));
        assertFalse(UsageReader.canReport(String.class));
        assertTrue(UsageReader.canReport(OpenAiCompletion.class));
        assertTrue(UsageReader.canReport(StreamEnd.class));
    }

    @Test
    void aFailingGetterReportsNothingInsteadOfThrowing() {
        assertEquals(-1, UsageReader.tokensOf(new Exploding()));
    }

    // --- per-call-site cache ------------------------------------------------------------------

    @Test
    void aSiteReadsLikeTheReaderAlsoWhenTheClassChanges() {
        UsageReader.Site site = new UsageReader.Site();
        assertEquals(42, site.tokensOf(new OpenAiCompletion(Optional.of(new OpenAiUsage(30, 12, 42)))));
        assertEquals(43, site.tokensOf(new OpenAiCompletion(Optional.of(new OpenAiUsage(30, 13, 43)))));
        assertEquals(15, site.tokensOf(new SpringResponse(new SpringUsage(5, 10))));
        assertEquals(-1, site.tokensOf("text"));
        assertEquals(-1, site.tokensOf(null));
        assertEquals(21, site.tokensOf(PretendSdk.completion(13, 8)));
    }

    // --- the hot path allocates nothing -------------------------------------------------------

    @Test
    void readingAKnownClassAllocatesNothing() {
        Object primitive = new OpenAiCompletion(Optional.of(new OpenAiUsage(30, 12, 42)));
        Object boxedPair = new Lc4jResponse(new Lc4jTokenUsage(10_000, 20_000, null));
        Object hidden = PretendSdk.completion(13, 8);
        Object direct = new StreamEnd(512);
        UsageReader.Site site = new UsageReader.Site();

        long expected = 42 + 30_000 + 21 + 512 + 42;
        int calls = 100_000;
        for (int i = 0; i < 3; i++) {
            assertEquals(expected * calls, readAll(calls, site, primitive, boxedPair, hidden, direct));
        }

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(thread);
        long before = threads.getThreadAllocatedBytes(thread);
        long sum = readAll(calls, site, primitive, boxedPair, hidden, direct);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertEquals(expected * calls, sum);
        assertTrue(allocated < 1024, "reading usage allocated " + allocated + " bytes over " + calls + " rounds");
    }

    private static long readAll(int calls, UsageReader.Site site, Object a, Object b, Object c, Object d) {
        long sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += UsageReader.tokensOf(a);
            sum += UsageReader.tokensOf(b);
            sum += UsageReader.tokensOf(c);
            sum += UsageReader.tokensOf(d);
            sum += site.tokensOf(a);
        }
        return sum;
    }
}
