package dev.rnn4j.text.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.text.crf.TransitionConstraints;
import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.vocab.Tokens;
import dev.rnn4j.text.vocab.Vocabulary;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelGradientTest {

    private static final List<TaggedSentence> BATCH = List.of(
            TaggedSentence.of(List.of("Anna", "met", "Bob", "in", "Oslo"), List.of("B-PER", "O", "B-PER", "O", "B-LOC")),
            TaggedSentence.of(List.of("New", "York", "sleeps"), List.of("B-LOC", "I-LOC", "O")),
            TaggedSentence.of(List.of("Bob", "Smith"), List.of("B-PER", "I-PER")),
            TaggedSentence.of(List.of("Oslo", "is", "cold"), List.of("B-LOC", "O", "O")),
            TaggedSentence.of(List.of("Hi"), List.of("O")));

    private static final Vocabulary TAGS = Vocabulary.closed(List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC"));

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 3, 8})
    void splittingTheBatchAcrossThreadsGivesTheSameLossAndGradient(int threads) {
        List<List<String>> tokens = BATCH.stream().map(TaggedSentence::tokens).toList();
        SentenceEncoder enc = new SentenceEncoder(Tokens.wordVocabulary(tokens, 1), Tokens.characterVocabulary(tokens, 1), TAGS);
        TaggerConfig config = new TaggerConfig(enc.words().size(), 4, enc.characters().size(), 3, 2, CellType.LSTM, 5, 1,
                TAGS.size(), TagOutput.CRF, 0f);
        TaggerNetwork net = new TaggerNetwork(config, TransitionConstraints.bio(TAGS.symbols()));
        float[] p = net.initialParameters(3);

        float[] expected = new float[p.length];
        double expectedLoss = net.lossAndGradient(p, enc.encode(BATCH), expected);
        float[] actual = new float[p.length];
        double loss;
        try (ParallelGradient parallel = new ParallelGradient(net, threads, p.length)) {
            loss = parallel.lossAndGradient(p, BATCH, enc, actual, null);
            // A second batch reuses the threads' buffers: they must start from zero again.
            java.util.Arrays.fill(actual, 0f);
            loss = parallel.lossAndGradient(p, BATCH, enc, actual, null);
        }

        assertThat(loss).isCloseTo(expectedLoss, within(1e-4 * expectedLoss));
        double scale = 0;
        for (float g : expected) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertThat(scale).isPositive();
        for (int i = 0; i < p.length; i++) {
            // Sentences summed in another order: equal up to float rounding.
            assertThat(actual[i]).as("gradient %d", i).isCloseTo(expected[i], within((float) (1e-5 * scale)));
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2})
    void withDropoutTheSameSeedAndThreadsRepeatTheSameGradient(int threads) {
        List<List<String>> tokens = BATCH.stream().map(TaggedSentence::tokens).toList();
        SentenceEncoder enc = new SentenceEncoder(Tokens.wordVocabulary(tokens, 1), null, TAGS);
        TaggerConfig config = new TaggerConfig(enc.words().size(), 4, 0, 0, 0, CellType.GRU, 5, 1, TAGS.size(), TagOutput.CRF, 0.5f);
        TaggerNetwork net = new TaggerNetwork(config);
        float[] p = net.initialParameters(3);
        float[] first = new float[p.length];
        float[] second = new float[p.length];
        try (ParallelGradient parallel = new ParallelGradient(net, threads, p.length)) {
            parallel.lossAndGradient(p, BATCH, enc, first, new SplittableRandom(9));
            parallel.lossAndGradient(p, BATCH, enc, second, new SplittableRandom(9));
        }
        assertThat(second).containsExactly(first);
    }
}
