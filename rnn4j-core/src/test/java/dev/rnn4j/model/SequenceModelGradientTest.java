package dev.rnn4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.InputGradients;
import dev.rnn4j.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The whole model's backward (stack, dropout between layers, recurrent dropout, head) against finite differences. */
class SequenceModelGradientTest {

    private static double loss(SequenceModel m, Tensor x, int[] lengths, Tensor[] masks, Tensor r) {
        Tensor y = m.forward(x, lengths, null, masks, new SplittableRandom(77)).output();
        double s = 0;
        for (int i = 0; i < y.size(); i++) {
            s += (double) y.data()[i] * r.data()[i];
        }
        return s;
    }

    static void check(ModelConfig config) {
        check(config, 1e-2);
    }

    /** {@code eps}: the finite-difference step; layer norms curve sharply, so they need a smaller one. */
    static void check(ModelConfig config, double eps) {
        SequenceModel m = SequenceModel.create(config);
        SplittableRandom rnd = new SplittableRandom(5);
        int batch = 3;
        int time = 6;
        Tensor x = Tensor.zeros(batch, time, config.inputSize());
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) rnd.nextDouble(-1, 1);
        }
        int[] lengths = config.head().kind() == HeadSpec.Kind.ALL_STEPS ? new int[] {6, 6, 6} : new int[] {6, 4, 2};
        Tensor[] masks = m.sampleRecurrentMasks(batch, new SplittableRandom(3));
        ModelPass pass = m.forward(x, lengths, null, masks, new SplittableRandom(77));
        Tensor r = Tensor.zeros(pass.output().shape());
        for (int i = 0; i < r.size(); i++) {
            r.data()[i] = (float) rnd.nextDouble(-1, 1);
        }
        if (config.head().kind() == HeadSpec.Kind.EVERY_STEP) {
            // padded steps are not scored: their upstream gradient is zero
            for (int b = 0; b < batch; b++) {
                for (int t = lengths[b]; t < time; t++) {
                    for (int j = 0; j < r.dim(2); j++) {
                        r.set(0f, b, t, j);
                    }
                }
            }
        }
        float[] g = new float[m.parameters().length];
        m.backward(pass, r, g);
        // Without the input sequence's gradient (as training runs it): the same parameter gradients.
        float[] withoutDx = new float[g.length];
        InputGradients[] in = m.backward(m.forward(x, lengths, null, masks, new SplittableRandom(77)), r, withoutDx, false);
        assertThat(in[0].dx()).isNull();
        assertThat(withoutDx).containsExactly(g);
        float[] w = m.parameters();
        for (int i = 0; i < w.length; i += 2) {
            float old = w[i];
            w[i] = (float) (old + eps);
            m.parametersChanged();
            double up = loss(m, x, lengths, masks, r);
            w[i] = (float) (old - eps);
            m.parametersChanged();
            double down = loss(m, x, lengths, masks, r);
            w[i] = old;
            m.parametersChanged();
            double numeric = (up - down) / (2 * eps);
            assertThat((double) g[i]).as("d/d%s (flat %d)", m.parameterAt(i), i)
                    .isCloseTo(numeric, within(3e-3 + 3e-3 * Math.abs(numeric)));
        }
    }

    @Test
    void lastStepHeadOverAMixedBidirectionalStackWithDropout() {
        check(ModelConfig.builder().inputs(3).lstm(4).bidirectional().dropout(0.3).recurrentDropout(0.4)
                .gru(3).bidirectional().recurrentDropout(0.3).denseOnLastStep(2).seed(1).build());
    }

    @Test
    void allStepsHeadOverABidirectionalGru() {
        check(ModelConfig.builder().inputs(4).gru(3).bidirectional().recurrentDropout(0.3).dropout(0.2)
                .denseOnAllSteps(6, 3).seed(3).build());
    }

    @Test
    void everyStepHeadOverRnnAndLstm() {
        check(ModelConfig.builder().inputs(2).layer(CellType.RNN_TANH, 4).dropout(0.25).lstm(3).recurrentDropout(0.5)
                .denseOnEveryStep(3).seed(2).build());
    }
}
