package dev.rnn4j.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.nn.CellType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Construction rules, teacher forcing and scheduled sampling, and the step-by-step decoder against the whole-sequence pass. */
class EncoderDecoderTest {

    static final int[][] SOURCES = {{1, 2, 3, 4, 5}, {3, 0}, {2, 2, 1, 6}};
    static final int[][] TARGETS = {{2, 3, 4}, {4, 2, 2, 3, 5, 6}, {7}};

    static EncoderDecoder model(AttentionScore attention) {
        return EncoderDecoder.create(new Seq2SeqConfig(CellType.LSTM, 7, 8, 5, 6, 2, true, 9, false, attention, 0, 1), 3);
    }

    @Test
    void aBidirectionalDecoderIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new Seq2SeqConfig(CellType.GRU, 5, 6, 4, 8, 1, true, 8, true, AttentionScore.NONE, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bidirectional decoder is refused")
                .hasMessageContaining("do not exist yet when decoding");
    }

    @Test
    void dotAttentionNeedsMatchingWidths() {
        assertThatThrownBy(() -> new Seq2SeqConfig(CellType.GRU, 5, 6, 4, 8, 1, true, 8, false, AttentionScore.DOT, 0, 1))
                .hasMessageContaining("encoder output width (16) to equal decoderHidden (8)");
    }

    @Test
    void teacherForcingFeedsTheTruthAfterTheStartSymbol() {
        EncoderDecoder m = model(AttentionScore.GENERAL);
        int[][] inputs = ScheduledFeeding.inputs(m, SOURCES, TARGETS, 1.0, ScheduledFeeding.Choice.ARGMAX, new SplittableRandom(1));
        assertThat(inputs).isDeepEqualTo(new int[][] {{0, 2, 3, 4}, {0, 4, 2, 2, 3, 5, 6}, {0, 7}});
    }

    /** Fed the truth one step at a time, the decoder gives the logits of the whole-sequence pass: the training loss is the teacher-forced loss. */
    @Test
    void stepByStepDecodingMatchesTheWholeSequencePass() {
        for (AttentionScore a : AttentionScore.values()) {
            if (a == AttentionScore.DOT) {
                continue; // needs equal widths; covered by the gradient test's model
            }
            EncoderDecoder m = model(a);
            int[][] inputs = m.teacherInputs(TARGETS);
            EncoderDecoder.Pass whole = m.forward(SOURCES, inputs);
            DecoderSteps steps = new DecoderSteps(m, SOURCES);
            int vocab = m.config().targetVocabulary();
            for (int t = 0; t < whole.steps(); t++) {
                int[] fed = new int[SOURCES.length];
                for (int b = 0; b < fed.length; b++) {
                    fed[b] = t < inputs[b].length ? inputs[b][t] : 0;
                }
                float[] logits = steps.step(fed);
                for (int b = 0; b < fed.length; b++) {
                    if (t >= inputs[b].length) {
                        continue; // padding in the whole pass
                    }
                    for (int v = 0; v < vocab; v++) {
                        assertThat(logits[b * vocab + v]).as("%s: row %d step %d symbol %d", a, b, t, v)
                                .isCloseTo(whole.logits()[(b * whole.steps() + t) * vocab + v], within(1e-5f));
                    }
                }
            }
        }
    }

    /** With p = 0 every input after the start symbol is the model's own argmax at the step before, given those inputs. */
    @Test
    void probabilityZeroFeedsOnlyPredictions() {
        EncoderDecoder m = model(AttentionScore.GENERAL);
        int[][] inputs = ScheduledFeeding.inputs(m, SOURCES, TARGETS, 0.0, ScheduledFeeding.Choice.ARGMAX, new SplittableRandom(1));
        EncoderDecoder.Pass whole = m.forward(SOURCES, inputs);
        int vocab = m.config().targetVocabulary();
        int differentFromTruth = 0;
        for (int b = 0; b < SOURCES.length; b++) {
            assertThat(inputs[b]).hasSize(TARGETS[b].length + 1);
            assertThat(inputs[b][0]).isEqualTo(m.config().startSymbol());
            for (int t = 1; t < inputs[b].length; t++) {
                int predicted = Decoding.argmax(whole.logits(), (b * whole.steps() + t - 1) * vocab, vocab);
                assertThat(inputs[b][t]).as("row %d step %d", b, t).isEqualTo(predicted);
                differentFromTruth += inputs[b][t] != TARGETS[b][t - 1] ? 1 : 0;
            }
        }
        assertThat(differentFromTruth).as("an untrained model's predictions are mostly not the truth").isGreaterThan(3);
    }

    /** In between, each input is the truth or the prediction, the truth about p of the time. */
    @Test
    void scheduledSamplingMixesTruthAndPredictionsAtTheGivenRate() {
        EncoderDecoder m = model(AttentionScore.NONE);
        int[][] sources = new int[200][];
        int[][] targets = new int[200][];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < sources.length; i++) {
            sources[i] = r.ints(1 + r.nextInt(6), 0, 7).toArray();
            targets[i] = r.ints(1 + r.nextInt(6), 2, 8).toArray();
        }
        int[][] inputs = ScheduledFeeding.inputs(m, sources, targets, 0.7, ScheduledFeeding.Choice.ARGMAX, new SplittableRandom(2));
        EncoderDecoder.Pass whole = m.forward(sources, inputs);
        int vocab = m.config().targetVocabulary();
        int truthOnly = 0;
        int total = 0;
        for (int b = 0; b < sources.length; b++) {
            for (int t = 1; t < inputs[b].length; t++) {
                int predicted = Decoding.argmax(whole.logits(), (b * whole.steps() + t - 1) * vocab, vocab);
                boolean truth = inputs[b][t] == targets[b][t - 1];
                assertThat(truth || inputs[b][t] == predicted).as("row %d step %d", b, t).isTrue();
                if (truth && predicted != targets[b][t - 1]) {
                    truthOnly++;
                }
                total += predicted != targets[b][t - 1] ? 1 : 0;
            }
        }
        // Where prediction and truth differ, the truth was chosen with probability 0.7.
        assertThat((double) truthOnly / total).isCloseTo(0.7, within(0.06));
    }

    /** Sampled feedback draws from the predicted distribution: an untrained model's near-uniform one rarely gives its argmax. */
    @Test
    void sampledFeedbackDrawsFromThePrediction() {
        EncoderDecoder m = model(AttentionScore.NONE);
        int[][] sources = new int[300][];
        int[][] targets = new int[300][];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = new int[] {i % 7, (i / 7) % 7};
            targets[i] = new int[] {2, 3};
        }
        int[][] inputs = ScheduledFeeding.inputs(m, sources, targets, 0.0, ScheduledFeeding.Choice.SAMPLE, new SplittableRandom(4));
        EncoderDecoder.Pass whole = m.forward(sources, inputs);
        int vocab = m.config().targetVocabulary();
        double expected = 0;
        int argmax = 0;
        for (int b = 0; b < sources.length; b++) {
            int predicted = Decoding.argmax(whole.logits(), b * whole.steps() * vocab, vocab);
            argmax += inputs[b][1] == predicted ? 1 : 0;
            expected += Math.exp(Decoding.logSoftmax(whole.logits(), b * whole.steps() * vocab, vocab)[predicted]);
        }
        // The share of draws that hit the argmax matches the argmax's mean probability.
        assertThat((double) argmax / sources.length).isCloseTo(expected / sources.length, within(0.08));
        assertThat(expected / sources.length).isLessThan(0.6);
    }

    @Test
    void stateDictRoundTripGivesTheSameModel() {
        EncoderDecoder m = model(AttentionScore.GENERAL);
        EncoderDecoder copy = new EncoderDecoder(m.config(), m.kernels());
        copy.load(m.stateDict());
        int[][] inputs = m.teacherInputs(TARGETS);
        assertThat(copy.forward(SOURCES, inputs).logits()).containsExactly(m.forward(SOURCES, inputs).logits());
        assertThat(m.stateDict().keySet()).contains("encoder.weight_ih_l0_reverse", "decoder.weight_hh_l1",
                "attention.score.weight", "attention.combine.weight", "bridge.hidden.weight", "bridge.cell.bias", "output.bias");
    }
}
