package dev.rnn4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.data.Batch;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.ModelPass;
import dev.rnn4j.model.ModelState;
import dev.rnn4j.model.SequenceModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatefulTrainingTest {

    private static SequenceModel model() {
        return SequenceModel.create(ModelConfig.builder().inputs(2).lstm(5).gru(4).denseOnEveryStep(1).seed(8).build());
    }

    @Test
    void continuingFromTheFirstHalfsStateEqualsOneWholeBatch() {
        SequenceModel model = model();
        List<Sequence> whole = Fixtures.regression(3, 16, 16, 2, true, 3);
        Batch all = Batch.of(whole, true);
        ModelPass one = model.forward(all.x(), null, null, null, null);
        ModelPass first = model.forward(all.timeSlice(0, 8), null, null, null, null);
        ModelPass second = model.forward(all.timeSlice(8, 16), null, first.finalState(), null, null);

        for (int i = 0; i < 2; i++) {
            assertThat(second.finalState().h().get(i).data()).containsExactly(one.finalState().h().get(i).data());
        }
        assertThat(second.finalState().c().get(0).data()).containsExactly(one.finalState().c().get(0).data());
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 8; t++) {
                assertThat(second.output().get(b, t, 0)).isEqualTo(one.output().get(b, 8 + t, 0));
            }
        }
    }

    @Test
    void statefulTrainerCarriesTheStateAcrossConsecutiveBatches() {
        // Two half-batches in stateful mode compute the second half's gradient from the carried
        // state: the same as truncated BPTT with k = T/2 over the whole batch.
        SequenceModel model = model();
        List<Sequence> whole = Fixtures.regression(3, 16, 16, 2, true, 5);
        Batch all = Batch.of(whole, true);
        Trainer tbptt = new Trainer(TrainerConfig.builder().truncatedBptt(8).build(), Losses.mse());
        Trainer plain = new Trainer(TrainerConfig.builder().build(), Losses.mse());
        Trainer.Gradients firstHalf = plain.gradients(model, Batch.of(half(whole, 0), true), null, 1);
        Trainer.Gradients secondHalf = plain.gradients(model, Batch.of(half(whole, 8), true), firstHalf.finalState(), 1);
        Trainer.Gradients together = tbptt.gradients(model, all, null, 1);
        float[] sum = new float[together.values().length];
        for (int i = 0; i < sum.length; i++) {
            // each half's mean is over half the steps
            sum[i] = (firstHalf.values()[i] + secondHalf.values()[i]) / 2;
        }
        for (int i = 0; i < sum.length; i++) {
            assertThat(sum[i]).isCloseTo(together.values()[i], org.assertj.core.api.Assertions.within(1e-6f + 1e-5f * Math.abs(sum[i])));
        }
        assertThat(secondHalf.finalState().h().get(1).data()).containsExactly(together.finalState().h().get(1).data());
    }

    @Test
    void withoutStatefulModeEveryBatchStartsFromZero() {
        SequenceModel model = model();
        List<Sequence> data = Fixtures.regression(2, 6, 6, 2, true, 7);
        Trainer plain = new Trainer(TrainerConfig.builder().build(), Losses.mse());
        Trainer.Gradients a = plain.gradients(model, Batch.of(data, true), null, 1);
        ModelState zeros = new ModelState(List.of(dev.rnn4j.tensor.Tensor.zeros(1, 2, 5), dev.rnn4j.tensor.Tensor.zeros(1, 2, 4)),
                Arrays.asList(dev.rnn4j.tensor.Tensor.zeros(1, 2, 5), null));
        Trainer.Gradients b = plain.gradients(model, Batch.of(data, true), zeros, 1);
        assertThat(a.values()).containsExactly(b.values());
    }

    @Test
    void statefulModeRefusesBidirectionalLayers() {
        SequenceModel bidi = SequenceModel.create(ModelConfig.builder().inputs(2).lstm(3).bidirectional().denseOnEveryStep(1).build());
        Trainer t = new Trainer(TrainerConfig.builder().stateful(true).batchSize(2).epochs(1).build(), Losses.mse());
        assertThatThrownBy(() -> t.fit(bidi, Fixtures.regression(4, 5, 5, 2, true, 1), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bidirectional");
    }

    private static List<Sequence> half(List<Sequence> whole, int from) {
        return whole.stream().map(s -> Sequence.of(s.id(), Arrays.copyOfRange(s.values(), from * 2, (from + 8) * 2), 8,
                Arrays.copyOfRange(s.target(), from, from + 8))).toList();
    }
}
