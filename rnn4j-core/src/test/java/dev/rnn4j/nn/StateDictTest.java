package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rnn4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter names, order and shapes are PyTorch's, and export gives back what import took. */
class StateDictTest {

    @Test
    void namesAndShapesFollowPyTorch() {
        RecurrentNetwork net = RecurrentNetwork.create(RecurrentConfig.gru(5, 7).withLayers(2).withBidirectional(true), 1);
        Map<String, Tensor> dict = net.stateDict();
        assertThat(List.copyOf(dict.keySet())).containsExactly(
                "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
                "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse");
        assertThat(dict.get("weight_ih_l0").shape()).containsExactly(21, 5);
        assertThat(dict.get("weight_hh_l0_reverse").shape()).containsExactly(21, 7);
        assertThat(dict.get("weight_ih_l1").shape()).containsExactly(21, 14);
        assertThat(dict.get("bias_hh_l1_reverse").shape()).containsExactly(21);
    }

    @Test
    void noBiasMeansNoBiasEntries() {
        RecurrentNetwork net = new RecurrentNetwork(RecurrentConfig.rnn(2, 3).withBias(false));
        assertThat(net.stateDict()).containsOnlyKeys("weight_ih_l0", "weight_hh_l0");
    }

    @Test
    void exportReturnsWhatWasImported() {
        RecurrentConfig config = RecurrentConfig.lstm(3, 4).withLayers(2);
        Map<String, Tensor> original = RecurrentNetwork.create(config, 7).stateDict();
        RecurrentNetwork copy = RecurrentNetwork.fromStateDict(config, original);
        Map<String, Tensor> exported = copy.stateDict();
        assertThat(exported.keySet()).containsExactlyElementsOf(original.keySet());
        for (String name : original.keySet()) {
            assertThat(exported.get(name).shape()).as(name).containsExactly(original.get(name).shape());
            assertThat(exported.get(name).data()).as(name).containsExactly(original.get(name).data());
        }
    }

    @Test
    void initialisationIsPyTorchsUniformBound() {
        RecurrentNetwork net = RecurrentNetwork.create(RecurrentConfig.lstm(3, 16), 3);
        float bound = 0.25f;
        float max = 0;
        for (float v : net.parameters().values()) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat(max).isLessThanOrEqualTo(bound).isGreaterThan(0.2f);
    }
}
