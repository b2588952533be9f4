package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Gate saturation counts activations near their bounds, at valid steps only, for every cell. */
class GateSaturationTest {

    /** A network whose weights are all zero and whose biases are all {@code bias}: every gate sees exactly {@code bias}. */
    private static RecurrentNetwork constant(RecurrentConfig config, float bias) {
        RecurrentNetwork net = new RecurrentNetwork(config);
        float[] w = net.parameters().values();
        Arrays.fill(w, 0f);
        for (ParameterLayout.Entry e : net.parameters().layout().entries()) {
            if (e.name().startsWith("bias_ih")) {
                Arrays.fill(w, e.offset(), e.offset() + e.size(), bias);
            }
        }
        return net;
    }

    @Test
    void zeroPreactivationsSaturateNothingAndHugeOnesSaturateEverything() {
        Tensor x = Tensor.zeros(2, 5, 3);
        int[] lengths = {5, 2};
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU, CellType.RNN_TANH}) {
            RecurrentConfig config = new RecurrentConfig(cell, 3, 4, 1, true, true);
            long[] quiet = constant(config, 0f).forward(x, lengths).saturatedGates(cell, 0.05);
            // sigmoid(0) = 0.5 and tanh(0) = 0: nothing near a bound
            assertThat(quiet[0]).as("%s saturated at zero pre-activation", cell).isZero();
            // 2 directions x (5 + 2) valid steps x gates*4 units
            assertThat(quiet[1]).as("%s activations counted", cell).isEqualTo(2L * 7 * cell.gates() * 4);
            long[] loud = constant(config, 50f).forward(x, lengths).saturatedGates(cell, 0.05);
            assertThat(loud[0]).as("%s saturated at pre-activation 50", cell).isEqualTo(loud[1]);
        }
    }

    @Test
    void aReluRnnCountsUnitsAtZero() {
        RecurrentConfig config = new RecurrentConfig(CellType.RNN_RELU, 3, 4, 1, false, true);
        Tensor x = Tensor.zeros(1, 3, 3);
        assertThat(constant(config, -1f).forward(x, null).saturatedGates(CellType.RNN_RELU, 0.05)).containsExactly(12, 12);
        assertThat(constant(config, 1f).forward(x, null).saturatedGates(CellType.RNN_RELU, 0.05)).containsExactly(0, 12);
    }

    @Test
    void aResultWithoutItsForwardCacheSaysSo() {
        RecurrentNetwork net = constant(RecurrentConfig.gru(3, 4), 0f);
        assertThatThrownBy(() -> net.infer(Tensor.zeros(1, 3, 3)).saturatedGates(CellType.GRU, 0.05))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("forward()");
    }
}
