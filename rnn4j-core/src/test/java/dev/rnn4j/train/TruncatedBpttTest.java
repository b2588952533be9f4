package dev.rnn4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.data.Batch;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.ModelPass;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruncatedBpttTest {

    private static SequenceModel model(boolean perStep) {
        ModelConfig.Builder b = ModelConfig.builder().inputs(3).lstm(6).gru(5).seed(3);
        return SequenceModel.create((perStep ? b.denseOnEveryStep(2) : b.denseOnLastStep(2)).build());
    }

    private static Trainer trainer(int k1, int k2) {
        return new Trainer(TrainerConfig.builder().truncatedBptt(k1, k2).build(), Losses.mse());
    }

    @Test
    void k1EqualsK2EqualsTGivesExactlyTheFullBpttGradients() {
        for (boolean perStep : new boolean[] {false, true}) {
            SequenceModel model = model(perStep);
            List<Sequence> data = Fixtures.regression(4, 12, 12, 3, perStep, 1);
            Batch batch = Batch.of(data.stream().map(s -> withTargetWidth(s, 2)).toList(), perStep);
            Trainer.Gradients full = trainer(0, 0).gradients(model, batch, null, 5);
            Trainer.Gradients truncated = trainer(12, 12).gradients(model, batch, null, 5);
            assertThat(truncated.values()).containsExactly(full.values());
            assertThat(truncated.loss()).isEqualTo(full.loss());
        }
    }

    @Test
    void chunksOfKStepsEqualSeparateDetachedWindowsByHand() {
        SequenceModel model = model(true);
        List<Sequence> data = Fixtures.regression(3, 12, 12, 3, true, 2).stream().map(s -> withTargetWidth(s, 2)).toList();
        Batch batch = Batch.of(data, true);
        Trainer.Gradients tbptt = trainer(4, 4).gradients(model, batch, null, 5);

        // By hand: windows [0,4), [4,8), [8,12), each from the previous window's final state, each
        // backpropagated on its own (the carried state is a constant), losses averaged over all steps.
        float[] expected = new float[model.parameters().length];
        double denominator = 3 * 12;
        var state = (dev.rnn4j.model.ModelState) null;
        double loss = 0;
        for (int[] w : new int[][] {{0, 4}, {4, 8}, {8, 12}}) {
            ModelPass pass = model.forward(batch.timeSlice(w[0], w[1]), null, state, null, null);
            int span = w[1] - w[0];
            Tensor d = Tensor.zeros(3, span, 2);
            for (int b = 0; b < 3; b++) {
                for (int t = 0; t < span; t++) {
                    for (int j = 0; j < 2; j++) {
                        double e = pass.output().get(b, t, j) - batch.targets()[(b * 12 + w[0] + t) * 2 + j];
                        loss += e * e / 2 / denominator;
                        d.set((float) (2 * e / 2 / denominator), b, t, j);
                    }
                }
            }
            model.backward(pass, d, expected);
            state = pass.finalState();
        }
        assertThat(tbptt.loss()).isCloseTo(loss, within(1e-6));
        for (int i = 0; i < expected.length; i++) {
            assertThat(tbptt.values()[i]).as("gradient %d", i).isCloseTo(expected[i], within(1e-6f + 1e-5f * Math.abs(expected[i])));
        }
    }

    @Test
    void aLongerBackwardWindowReRunsFromTheDetachedStateAtItsStart() {
        // T = 8, k1 = 2, k2 = 4: windows [0,2) [0,4) [2,6) [4,8), each scoring only its newest 2 steps,
        // each starting from the state at its start (computed forward without gradients).
        SequenceModel model = model(true);
        List<Sequence> data = Fixtures.regression(2, 8, 8, 3, true, 8).stream().map(s -> withTargetWidth(s, 2)).toList();
        Batch batch = Batch.of(data, true);
        Trainer.Gradients tbptt = trainer(2, 4).gradients(model, batch, null, 5);

        float[] expected = new float[model.parameters().length];
        double denominator = 2 * 8;
        double loss = 0;
        for (int[] w : new int[][] {{0, 2, 0}, {0, 4, 2}, {2, 6, 4}, {4, 8, 6}}) {
            var start = w[0] == 0 ? null : model.forward(batch.timeSlice(0, w[0]), null, null, null, null).finalState();
            ModelPass pass = model.forward(batch.timeSlice(w[0], w[1]), null, start, null, null);
            int span = w[1] - w[0];
            Tensor d = Tensor.zeros(2, span, 2);
            for (int b = 0; b < 2; b++) {
                for (int t = w[2]; t < w[1]; t++) {
                    for (int j = 0; j < 2; j++) {
                        double e = pass.output().get(b, t - w[0], j) - batch.targets()[(b * 8 + t) * 2 + j];
                        loss += e * e / 2 / denominator;
                        d.set((float) (e / denominator), b, t - w[0], j);
                    }
                }
            }
            model.backward(pass, d, expected);
        }
        assertThat(tbptt.loss()).isCloseTo(loss, within(1e-6));
        for (int i = 0; i < expected.length; i++) {
            assertThat(tbptt.values()[i]).as("gradient %d", i).isCloseTo(expected[i], within(1e-6f + 1e-5f * Math.abs(expected[i])));
        }
    }

    @Test
    void truncationChangesTheGradientOfLongRangeModels() {
        SequenceModel model = model(false);
        List<Sequence> data = Fixtures.regression(4, 12, 12, 3, false, 4).stream().map(s -> withTargetWidth(s, 2)).toList();
        Batch batch = Batch.of(data, false);
        float[] full = trainer(0, 0).gradients(model, batch, null, 5).values();
        float[] truncated = trainer(3, 3).gradients(model, batch, null, 5).values();
        assertThat(truncated).isNotEqualTo(full);
    }

    @Test
    void paddedRowsAreMaskedInEveryWindow() {
        SequenceModel model = model(true);
        List<Sequence> ragged = Fixtures.regression(4, 3, 11, 3, true, 6).stream().map(s -> withTargetWidth(s, 2)).toList();
        Batch batch = Batch.of(ragged, true);
        // With k = T (one window) truncation must agree with full BPTT also for ragged batches.
        int time = batch.time();
        assertThat(trainer(time, time).gradients(model, batch, null, 5).values())
                .containsExactly(trainer(0, 0).gradients(model, batch, null, 5).values());
        // And with short windows every gradient stays finite (rows that ended idle unscored).
        for (float g : trainer(2, 2).gradients(model, batch, null, 5).values()) {
            assertThat(Float.isFinite(g)).isTrue();
        }
    }

    static Sequence withTargetWidth(Sequence s, int width) {
        float[] t = new float[s.target().length * width];
        for (int i = 0; i < s.target().length; i++) {
            for (int j = 0; j < width; j++) {
                t[i * width + j] = s.target()[i] * (j + 1);
            }
        }
        return Sequence.of(s.id(), s.values(), s.length(), t);
    }
}
