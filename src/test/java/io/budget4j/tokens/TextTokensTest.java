package io.budget4j.tokens;

import io.budget4j.Tokens;
import io.budget4j.tokens.fixtures.PretendSdk;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextTokensTest {
    private static final String MODEL = "gpt-4o";
    private static final String QUESTION = "What is the capital of France?";
    private static final String SYSTEM = "You are a terse geography tutor.";
    private static final String ANSWER = "Paris is the capital of France.";

    /** LangChain4j-like message: {@code text()}. */
    public record Message(String text) {
    }

    /** Spring-AI-like message: {@code getContent()}. */
    public static final class SpringMessage {
        private final String content;

        public SpringMessage(String content) {
            this.content = content;
        }

        public String getContent() {
            return content;
        }
    }

    /** {@code prompt()} returning a StringBuilder: any CharSequence is text. */
    public record PromptHolder(StringBuilder prompt) {
    }

    /** {@code content()} that is not text: ignored. */
    public record BinaryContent(byte[] content) {
    }

    public record Options(double temperature, int maxTokens) {
    }

    public static final class FailingMessage {
        public String text() {
            throw new IllegalStateException("no text yet");
        }
    }

    private static long tokens(String... texts) {
        long sum = 0;
        for (String t : texts) {
            sum += Tokens.count(t, MODEL);
        }
        return sum;
    }

    @Test
    void countsTextArgumentsAndIgnoresOthers() {
        Object[] args = {SYSTEM, 0.2, new Options(0.2, 100), QUESTION, null};
        assertEquals(tokens(SYSTEM, QUESTION), TextTokens.promptTokens(args, MODEL));
    }

    @Test
    void countsObjectsWithATextGetter() {
        Object[] args = {new Message(SYSTEM), new SpringMessage(QUESTION),
                new PromptHolder(new StringBuilder(ANSWER)), new BinaryContent(new byte[]{1, 2})};
        assertEquals(tokens(SYSTEM, QUESTION, ANSWER), TextTokens.promptTokens(args, MODEL));
    }

    @Test
    void readsTextGettersOfNonPublicClasses() {
        assertEquals(tokens(QUESTION), TextTokens.promptTokens(new Object[]{PretendSdk.hiddenMessage(QUESTION)}, MODEL));
    }

    @Test
    void looksOneLevelIntoArraysCollectionsAndMapValues() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("question", QUESTION);
        variables.put("count", 3);
        Object[] args = {
                new String[]{SYSTEM, null},
                List.of(new Message(QUESTION), 42),
                variables,
                List.of(List.of(ANSWER)), // two levels deep: not looked into
        };
        assertEquals(tokens(SYSTEM, QUESTION, QUESTION), TextTokens.promptTokens(args, MODEL));
    }

    @Test
    void doesNotIterateIterablesThatMayBeOneShot() {
        AtomicInteger iterations = new AtomicInteger();
        Iterable<String> oneShot = () -> {
            iterations.incrementAndGet();
            return List.of(QUESTION).iterator();
        };
        assertEquals(0, TextTokens.promptTokens(new Object[]{oneShot}, MODEL));
        assertEquals(0, iterations.get());
    }

    @Test
    void promptOfNoArgumentsIsZero() {
        assertEquals(0, TextTokens.promptTokens(null, MODEL));
        assertEquals(0, TextTokens.promptTokens(new Object[0], MODEL));
    }

    @Test
    void completionIsTheReturnedTextOrItsTextGetter() {
        assertEquals(tokens(ANSWER), TextTokens.completionTokens(ANSWER, MODEL));
        assertEquals(tokens(ANSWER), TextTokens.completionTokens(new Message(ANSWER), MODEL));
        assertEquals(0, TextTokens.completionTokens(new Options(1, 2), MODEL));
        assertEquals(0, TextTokens.completionTokens(null, MODEL));
        assertEquals(0, TextTokens.completionTokens(new Message(null), MODEL));
    }

    @Test
    void estimateCallIsPromptPlusCompletion() {
        assertEquals(tokens(SYSTEM, QUESTION, ANSWER),
                TextTokens.estimateCall(new Object[]{SYSTEM, QUESTION}, ANSWER, MODEL));
    }

    @Test
    void theModelChoosesTheTokenizer() {
        String russian = "Привет, как дела? Это тест токенизатора.";
        assertEquals(Tokens.count(russian, "gpt-4"), TextTokens.completionTokens(russian, "gpt-4"));
        assertEquals(Tokens.count(russian, "gpt-4o"), TextTokens.completionTokens(russian, "gpt-4o"));
    }

    @Test
    void aFailingGetterKeepsWhatWasCountedAndDoesNotThrow() {
        Object[] args = {QUESTION, new FailingMessage(), SYSTEM};
        assertEquals(tokens(QUESTION), TextTokens.promptTokens(args, MODEL));
        assertEquals(0, TextTokens.completionTokens(new FailingMessage(), MODEL));
    }

    @Test
    void aCollectionChangedWhileCountingKeepsWhatWasCounted() {
        List<Object> messages = new java.util.ArrayList<>(List.of(QUESTION, SYSTEM));
        Iterable<Object> view = messages;
        Object[] args = {new java.util.AbstractList<Object>() {
            @Override
            public Object get(int index) {
                return messages.get(index);
            }

            @Override
            public int size() {
                return messages.size();
            }

            @Override
            public Iterator<Object> iterator() {
                Iterator<Object> it = view.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Object next() {
                        Object next = it.next();
                        messages.add(ANSWER); // as if another thread appended: the next step fails
                        return next;
                    }
                };
            }
        }};
        assertEquals(tokens(QUESTION), TextTokens.promptTokens(args, MODEL));
    }
}
