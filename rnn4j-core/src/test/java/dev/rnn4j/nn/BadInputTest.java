package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every misuse the issue lists fails with an IllegalArgumentException naming what was expected and what arrived. */
class BadInputTest {

    private final RecurrentConfig lstm = RecurrentConfig.lstm(3, 4).withLayers(2).withBidirectional(true);
    private final RecurrentNetwork net = new RecurrentNetwork(lstm, KernelProvider.scalar());

    @Test
    void wrongInputWidth() {
        assertThatThrownBy(() -> net.forward(Tensor.zeros(2, 5, 7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input_size is 3")
                .hasMessageContaining("[2, 5, 3]")
                .hasMessageContaining("[2, 5, 7]");
    }

    @Test
    void wrongInputRank() {
        assertThatThrownBy(() -> net.forward(Tensor.zeros(5, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[batch, time, 3]")
                .hasMessageContaining("[5, 3]");
    }

    @Test
    void wrongInitialStateShape() {
        assertThatThrownBy(() -> net.forward(Tensor.zeros(2, 5, 3), null, Tensor.zeros(2, 2, 4), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h0")
                .hasMessageContaining("[4, 2, 4]")
                .hasMessageContaining("[2, 2, 4]");
        assertThatThrownBy(() -> net.forward(Tensor.zeros(2, 5, 3), null, null, Tensor.zeros(4, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c0")
                .hasMessageContaining("[4, 2, 4]")
                .hasMessageContaining("[4, 3, 4]");
    }

    @Test
    void cellStateForACellWithout() {
        RecurrentNetwork gru = new RecurrentNetwork(RecurrentConfig.gru(3, 4), KernelProvider.scalar());
        assertThatThrownBy(() -> gru.forward(Tensor.zeros(1, 2, 3), null, null, Tensor.zeros(1, 1, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c0 is only for LSTM")
                .hasMessageContaining("gru");
    }

    @Test
    void lengthsNotMatchingTheBatch() {
        assertThatThrownBy(() -> net.forward(Tensor.zeros(2, 5, 3), new int[] {5, 5, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 2, got 3");
    }

    @Test
    void lengthsOutOfRange() {
        assertThatThrownBy(() -> net.forward(Tensor.zeros(2, 5, 3), new int[] {5, 6}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lengths[1]")
                .hasMessageContaining("between 1 and the padded time 5")
                .hasMessageContaining("got 6");
        assertThatThrownBy(() -> net.forward(Tensor.zeros(2, 5, 3), new int[] {0, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lengths[0]")
                .hasMessageContaining("got 0");
    }

    @Test
    void nanInParametersAtLoad() {
        Map<String, Tensor> dict = net.stateDict();
        dict.get("weight_hh_l1_reverse").data()[5] = Float.NaN;
        float before = net.parameters().values()[0];
        assertThatThrownBy(() -> net.loadStateDict(dict))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight_hh_l1_reverse")
                .hasMessageContaining("finite")
                .hasMessageContaining("NaN");
        org.assertj.core.api.Assertions.assertThat(net.parameters().values()[0]).as("nothing loaded").isEqualTo(before);
    }

    @Test
    void wrongParameterShapeAtLoad() {
        Map<String, Tensor> dict = net.stateDict();
        dict.put("weight_ih_l0", Tensor.zeros(16, 5));
        assertThatThrownBy(() -> net.loadStateDict(dict))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight_ih_l0")
                .hasMessageContaining("[16, 3]")
                .hasMessageContaining("[16, 5]");
    }

    @Test
    void missingAndUnexpectedParameters() {
        Map<String, Tensor> dict = net.stateDict();
        dict.remove("bias_hh_l1");
        dict.put("weight_ih_l2", Tensor.zeros(16, 8));
        assertThatThrownBy(() -> net.loadStateDict(dict))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing [bias_hh_l1]")
                .hasMessageContaining("unexpected [weight_ih_l2]");
    }

    @Test
    void nanInInput() {
        Tensor x = Tensor.zeros(1, 2, 3);
        x.data()[4] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> net.forward(x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Input x must be finite")
                .hasMessageContaining("index 4");
    }

    @Test
    void wrongUpstreamGradientShape() {
        RecurrentOutput out = net.forward(Tensor.zeros(2, 5, 3));
        assertThatThrownBy(() -> net.backward(out, Tensor.zeros(2, 5, 4), null, null, net.newGradients()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dOutput")
                .hasMessageContaining("[2, 5, 8]")
                .hasMessageContaining("[2, 5, 4]");
    }

    @Test
    void invalidConfig() {
        assertThatThrownBy(() -> RecurrentConfig.lstm(3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hiddenSize must be > 0, got 0");
    }
}
