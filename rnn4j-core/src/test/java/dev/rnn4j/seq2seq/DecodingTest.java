package dev.rnn4j.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.nn.CellType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy decoding and beam search on untrained models, checked against exhaustive enumeration. */
class DecodingTest {

    private static EncoderDecoder model(int targetVocabulary, long seed) {
        // Large weights make the distributions peaked and different per step, so the search matters.
        EncoderDecoder m = EncoderDecoder.create(Seq2SeqConfig.of(CellType.GRU, 5, targetVocabulary, 4, 6, 0, 1)
                .withAttention(AttentionScore.GENERAL), seed);
        for (float[] group : m.parameterGroups()) {
            for (int i = 0; i < group.length; i++) {
                group[i] *= 3;
            }
        }
        return m;
    }

    @Test
    void beamWidthOneIsGreedy() {
        int[][] sources = {{1, 2, 3}, {4}, {0, 0, 1, 2, 3, 4}, {2, 4}};
        for (long seed = 1; seed <= 5; seed++) {
            EncoderDecoder m = model(6, seed);
            assertThat(Decoding.beam(m, sources, 1, 12, 0)).as("seed %d", seed).isDeepEqualTo(Decoding.greedy(m, sources, 12));
        }
    }

    /**
     * With a beam wide enough to keep every hypothesis, beam search is exhaustive: its best is the
     * most likely of all sequences up to the length limit, scored here by whole-sequence passes.
     */
    @Test
    void wideBeamFindsTheBestSequenceByBruteForce() {
        int vocab = 4; // start, end, two symbols
        int maxLength = 3;
        int greedyMissed = 0;
        for (long seed = 1; seed <= 8; seed++) {
            EncoderDecoder m = model(vocab, seed);
            int[] source = {1, 3, 2};
            List<Decoding.Hypothesis> all = enumerate(m, source, vocab, maxLength);
            Decoding.Hypothesis best = all.get(0);
            for (Decoding.Hypothesis h : all) {
                if (h.logProbability() > best.logProbability()) {
                    best = h;
                }
            }
            Decoding.Hypothesis found = Decoding.beam(m, source, 200, maxLength, 0).get(0);
            assertThat(found.symbols()).as("seed %d", seed).containsExactly(best.symbols());
            assertThat(found.ended()).isEqualTo(best.ended());
            assertThat(found.logProbability()).isCloseTo(best.logProbability(), within(1e-4));
            // and a narrow beam never beats the exhaustive best
            assertThat(Decoding.beam(m, source, 2, maxLength, 0).get(0).logProbability())
                    .isLessThanOrEqualTo(best.logProbability() + 1e-4);
            greedyMissed += Arrays.equals(Decoding.greedy(m, new int[][] {source}, maxLength)[0], best.symbols()) ? 0 : 1;
        }
        assertThat(greedyMissed).as("cases where the search beats greedy decoding, so the check is not trivial").isPositive();
    }

    @Test
    void lengthNormalisationDividesByLengthToTheAlpha() {
        Decoding.Hypothesis h = new Decoding.Hypothesis(new int[] {2, 3, 2}, -6.0, true);
        assertThat(h.score(0)).isEqualTo(-6.0);
        assertThat(h.score(1)).isEqualTo(-1.5); // 3 symbols + end
        assertThat(h.score(0.5)).isCloseTo(-3.0, within(1e-12));
    }

    /** Every sequence that ends within maxLength steps, plus the unended ones of maxLength symbols, scored by one forward each. */
    private static List<Decoding.Hypothesis> enumerate(EncoderDecoder m, int[] source, int vocab, int maxLength) {
        List<Decoding.Hypothesis> out = new ArrayList<>();
        List<int[]> prefixes = new ArrayList<>(List.of(new int[0]));
        for (int len = 0; len <= maxLength; len++) {
            List<int[]> longer = new ArrayList<>();
            for (int[] p : prefixes) {
                if (len < maxLength) {
                    out.add(score(m, source, p, true, vocab));
                } else {
                    out.add(score(m, source, p, false, vocab));
                }
                for (int v = 0; v < vocab; v++) {
                    if (v != m.config().endSymbol()) {
                        int[] q = Arrays.copyOf(p, p.length + 1);
                        q[p.length] = v;
                        longer.add(q);
                    }
                }
            }
            prefixes = longer;
        }
        return out;
    }

    private static Decoding.Hypothesis score(EncoderDecoder m, int[] source, int[] symbols, boolean ended, int vocab) {
        int[] inputs = new int[ended ? symbols.length + 1 : symbols.length];
        inputs[0] = m.config().startSymbol();
        System.arraycopy(symbols, 0, inputs, 1, inputs.length - 1);
        float[] logits = m.forward(new int[][] {source}, new int[][] {inputs}).logits();
        double logp = 0;
        for (int t = 0; t < inputs.length; t++) {
            int next = t < symbols.length ? symbols[t] : m.config().endSymbol();
            logp += Decoding.logSoftmax(logits, t * vocab, vocab)[next];
        }
        return new Decoding.Hypothesis(symbols, logp, ended);
    }
}
