package dev.rnn4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Variational masks: one [D, B, H] mask per layer and batch, a different row per sequence; the
 * same row at every step is the hook's job (RecurrentDropoutHookTest checks it against masking
 * W_hh's columns).
 */
class RecurrentMaskTest {

    @Test
    void eachSequenceGetsItsOwnMaskWithTheRequestedDropRate() {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(2).lstm(64).bidirectional().recurrentDropout(0.25)
                .gru(8).denseOnLastStep(1).build());
        Tensor[] masks = m.sampleRecurrentMasks(16, new SplittableRandom(1));
        assertThat(masks[1]).isNull(); // no recurrent dropout on the second layer
        Tensor mask = masks[0];
        assertThat(mask.shape()).containsExactly(2, 16, 64);
        int zeros = 0;
        for (float v : mask.data()) {
            assertThat(v).isIn(0f, (float) (1 / 0.75));
            zeros += v == 0f ? 1 : 0;
        }
        assertThat(zeros / (double) mask.size()).isCloseTo(0.25, within(0.03));
        for (int a = 0; a < 16; a++) {
            for (int b = a + 1; b < 16; b++) {
                float[] rowA = Arrays.copyOfRange(mask.data(), a * 64, (a + 1) * 64);
                float[] rowB = Arrays.copyOfRange(mask.data(), b * 64, (b + 1) * 64);
                assertThat(rowA).as("sequences %d and %d", a, b).isNotEqualTo(rowB);
            }
        }
    }

    @Test
    void theSameMasksGiveTheSameOutputAndOtherMasksAnotherOne() {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(2).gru(16).recurrentDropout(0.5).denseOnEveryStep(1).build());
        Tensor x = Tensor.zeros(3, 10, 2);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) Math.sin(i);
        }
        Tensor[] masks = m.sampleRecurrentMasks(3, new SplittableRandom(2));
        float[] a = m.forward(x, null, null, masks, null).output().data();
        float[] b = m.forward(x, null, null, masks, null).output().data();
        float[] c = m.forward(x, null, null, m.sampleRecurrentMasks(3, new SplittableRandom(3)), null).output().data();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }
}
