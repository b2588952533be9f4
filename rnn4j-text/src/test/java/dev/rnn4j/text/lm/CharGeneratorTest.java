package dev.rnn4j.text.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.tensor.Tensor;
import dev.rnn4j.text.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CharGeneratorTest {

    private static final Vocabulary ABC = Vocabulary.closed(List.of("\n", "a", "b", "c", "d"));

    private static CharLanguageModel lm(CellType cell, long seed) {
        return new CharLanguageModel(ABC, SequenceModel.create(CharLanguageModel.config(ABC.size(), cell, 2, 16, 0.3, seed)));
    }

    /** The greedy continuation computed with whole-sequence forward passes (no streaming): argmax after each prefix. */
    private static String greedyByFullPasses(CharLanguageModel lm, String seedText, int length) {
        List<Integer> ids = new ArrayList<>();
        seedText.codePoints().forEach(cp -> ids.add(ABC.indexOf(Character.toString(cp))));
        StringBuilder out = new StringBuilder();
        int v = ABC.size();
        for (int n = 0; n < length; n++) {
            float[] x = new float[ids.size() * v];
            for (int t = 0; t < ids.size(); t++) {
                x[t * v + ids.get(t)] = 1f;
            }
            float[] y = lm.model().predict(Tensor.of(x, 1, ids.size(), v), null).data();
            int last = (ids.size() - 1) * v;
            int best = 0;
            for (int j = 1; j < v; j++) {
                if (y[last + j] > y[last + best]) {
                    best = j;
                }
            }
            out.append(ABC.symbol(best));
            ids.add(best);
        }
        return out.toString();
    }

    @Test
    void topKOneIsGreedyWhateverTheSeedAndMatchesFullForwardPasses() {
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
            CharLanguageModel lm = lm(cell, 11);
            CharGenerator g = new CharGenerator(lm);
            String first = g.generate("ab\nc", 40, 1.0, 1, 1, cp -> { });
            String second = g.generate("ab\nc", 40, 0.5, 1, 999, cp -> { });
            assertThat(second).isEqualTo(first);
            assertThat(first).hasSize(40).isEqualTo(greedyByFullPasses(lm, "ab\nc", 40));
        }
    }

    @Test
    void theSeedTextConditionsWhatFollows() {
        CharLanguageModel lm = lm(CellType.LSTM, 5);
        CharGenerator g = new CharGenerator(lm);
        for (String seed : List.of("a", "dcba", "bbbbbbbb\n")) {
            assertThat(g.generate(seed, 12, 1.0, 1, 0, cp -> { })).as(seed).isEqualTo(greedyByFullPasses(lm, seed, 12));
        }
    }

    @Test
    void stepsSharedBetweenTwoThreadsDrawTheSameText() {
        // Hidden 128: every layer is large enough for its steps to be split between the threads.
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
            CharLanguageModel lm = new CharLanguageModel(ABC, SequenceModel.create(CharLanguageModel.config(ABC.size(), cell, 2, 128, 0.0, 7)));
            String one = new CharGenerator(lm).generate("ab", 400, 1.0, 0, 11, cp -> { });
            String two = new CharGenerator(lm, 2).generate("ab", 400, 1.0, 0, 11, cp -> { });
            assertThat(two).as(cell.id()).isEqualTo(one);
        }
    }

    @Test
    void eachCharacterReachesTheSinkAsItIsDrawn() {
        CharGenerator g = new CharGenerator(lm(CellType.GRU, 3));
        StringBuilder seen = new StringBuilder();
        String text = g.generate("a", 30, 1.0, 0, 42, seen::appendCodePoint);
        assertThat(seen.toString()).isEqualTo(text);
        assertThat(g.generate("a", 30, 1.0, 0, 42, cp -> { })).as("same seed, same text").isEqualTo(text);
    }

    @Test
    void topKSamplesOnlyTheKLikeliestInProportionToTheirTemperedProbabilities() {
        float[] logits = {0f, 2f, -1f, 1f, 1.5f};
        double temperature = 0.7;
        int draws = 40_000;
        int[] counts = new int[logits.length];
        SplittableRandom random = new SplittableRandom(9);
        double[] scratch = new double[logits.length];
        for (int i = 0; i < draws; i++) {
            counts[CharGenerator.sample(logits, temperature, 2, random, scratch)]++;
        }
        assertThat(counts[0] + counts[2] + counts[3]).isZero();
        // Only logits 2 and 1.5 remain: p(1) = 1 / (1 + e^{(1.5-2)/0.7}) = 0.6713...
        double p1 = 1 / (1 + Math.exp((1.5 - 2) / temperature));
        assertThat(counts[1] / (double) draws).isCloseTo(p1, within(0.01));
    }

    @Test
    void topKKeepsExactlyKWhenLogitsTie() {
        float[] logits = {1f, 1f, 1f, 0f};
        SplittableRandom random = new SplittableRandom(1);
        double[] scratch = new double[4];
        boolean[] drawn = new boolean[4];
        for (int i = 0; i < 2000; i++) {
            drawn[CharGenerator.sample(logits, 1.0, 2, random, scratch)] = true;
        }
        assertThat(drawn).containsExactly(true, true, false, false);
    }

    @Test
    void aSeedTextWithACharacterTheModelLacksIsRefused() {
        CharGenerator g = new CharGenerator(lm(CellType.LSTM, 1));
        assertThatThrownBy(() -> g.generate("abz", 5, 1.0, 0, 1, cp -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the seed text line 1 column 3: character 'z' (U+007A) is not in the model's 5-character "
                        + "vocabulary, so the model cannot score it.");
        assertThatThrownBy(() -> g.generate("", 5, 1.0, 0, 1, cp -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The seed text must have at least one character to start from.");
    }
}
