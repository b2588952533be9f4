package dev.rnn4j.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.model.InitSpec;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.ParameterLayout;
import org.junit.jupiter.api.Test;

class InitializersTest {

    private static ParameterLayout.Entry entry(SequenceModel m, String name) {
        return m.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void recurrentGateBlocksAreOrthogonalAndForgetBiasIsOne() {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(3).lstm(8).denseOnLastStep(1).seed(5).build());
        float[] w = m.parameters();
        ParameterLayout.Entry whh = entry(m, "layers.0.weight_hh_l0");
        for (int g = 0; g < 4; g++) {
            int base = whh.offset() + g * 64;
            for (int i = 0; i < 8; i++) {
                for (int k = 0; k < 8; k++) {
                    double dot = 0;
                    for (int j = 0; j < 8; j++) {
                        dot += (double) w[base + i * 8 + j] * w[base + k * 8 + j];
                    }
                    assertThat(dot).isCloseTo(i == k ? 1.0 : 0.0, within(1e-5));
                }
            }
        }
        ParameterLayout.Entry bih = entry(m, "layers.0.bias_ih_l0");
        for (int j = 0; j < 32; j++) {
            assertThat(w[bih.offset() + j]).isEqualTo(j >= 8 && j < 16 ? 1f : 0f);
        }
        ParameterLayout.Entry bhh = entry(m, "layers.0.bias_hh_l0");
        for (int j = 0; j < 32; j++) {
            assertThat(w[bhh.offset() + j]).isZero();
        }
    }

    @Test
    void glorotInputWeightsStayWithinTheirBound() {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(10).gru(6).denseOnLastStep(1).seed(5).build());
        ParameterLayout.Entry wih = entry(m, "layers.0.weight_ih_l0");
        double bound = Math.sqrt(6.0 / (6 + 10));
        double maxAbs = 0;
        for (int i = 0; i < wih.size(); i++) {
            maxAbs = Math.max(maxAbs, Math.abs(m.parameters()[wih.offset() + i]));
        }
        assertThat(maxAbs).isLessThanOrEqualTo(bound).isGreaterThan(bound * 0.8);
    }

    @Test
    void irnnStartsFromTheIdentityWithZeroBiases() {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(2).layer(CellType.RNN_RELU, 5).denseOnLastStep(1)
                .init(InitSpec.irnn()).build());
        ParameterLayout.Entry whh = entry(m, "layers.0.weight_hh_l0");
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(m.parameters()[whh.offset() + i * 5 + j]).isEqualTo(i == j ? 1f : 0f);
            }
        }
        ParameterLayout.Entry b = entry(m, "layers.0.bias_hh_l0");
        for (int i = 0; i < 5; i++) {
            assertThat(m.parameters()[b.offset() + i]).isZero();
        }
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        ModelConfig c = ModelConfig.builder().inputs(3).lstm(4).gru(3).denseOnLastStep(2).seed(11).build();
        assertThat(SequenceModel.create(c).parameters()).containsExactly(SequenceModel.create(c).parameters());
        assertThat(SequenceModel.create(c.withSeed(12)).parameters()).isNotEqualTo(SequenceModel.create(c).parameters());
    }
}
