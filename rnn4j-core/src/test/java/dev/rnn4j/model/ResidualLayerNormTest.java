package dev.rnn4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.io.SafeTensors;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Residual connections and layer normalisation between recurrent layers: gradients, padding, config, files. */
class ResidualLayerNormTest {

    private static ModelConfig.Builder deepStack() {
        return ModelConfig.builder().inputs(3).lstm(4).dropout(0.2).gru(4).recurrentDropout(0.3).dropout(0.25).rnn(4);
    }

    @Test
    void gradientsOfAResidualLayerNormStackMatchFiniteDifferences() {
        SequenceModelGradientTest.check(deepStack().residual().layerNorm().denseOnLastStep(2).seed(4).build(), 2e-3);
    }

    @Test
    void gradientsOfABidirectionalResidualStackWithAnEveryStepHead() {
        SequenceModelGradientTest.check(ModelConfig.builder().inputs(2).gru(3).bidirectional().gru(3).bidirectional()
                .dropout(0.2).lstm(6).lstm(2).residual().denseOnEveryStep(3).seed(6).build());
    }

    @Test
    void gradientsOfLayerNormAloneOnTwoLayersWithAnAllStepsHead() {
        SequenceModelGradientTest.check(ModelConfig.builder().inputs(3).rnn(5).dropout(0.3).gru(3).layerNorm()
                .denseOnAllSteps(6, 2).seed(8).build(), 2e-3);
    }

    @Test
    void gradientsOfABidirectionalLayerNormStackWithAnEveryStepHeadOverPaddedRows() {
        SequenceModelGradientTest.check(ModelConfig.builder().inputs(2).lstm(3).bidirectional().recurrentDropout(0.2)
                .gru(3).bidirectional().dropout(0.3).gru(6).gru(2).residual().layerNorm().denseOnEveryStep(2).seed(12).build(), 2e-3);
    }

    @Test
    void normsAreNamedLikePyTorchModulesAndStartAsTheIdentity() {
        SequenceModel m = SequenceModel.create(deepStack().residual().layerNorm().denseOnLastStep(2).build());
        assertThat(m.entries().stream().map(ParameterLayout.Entry::name).filter(n -> n.startsWith("norms.")))
                .containsExactly("norms.0.weight", "norms.0.bias", "norms.1.weight", "norms.1.bias");
        for (ParameterLayout.Entry e : m.entries()) {
            if (e.name().startsWith("norms.")) {
                float[] v = Arrays.copyOfRange(m.parameters(), e.offset(), e.offset() + e.size());
                assertThat(v).as(e.name()).containsOnly(e.name().endsWith("weight") ? 1f : 0f).hasSize(4);
            }
        }
    }

    @Test
    void paddingDoesNotLeakIntoShortSequences() {
        // with the bias of a layer norm nonzero, a norm that touched padded steps would change what follows
        SequenceModel m = SequenceModel.create(deepStack().residual().layerNorm().denseOnEveryStep(2).seed(11).build());
        for (ParameterLayout.Entry e : m.entries()) {
            if (e.name().endsWith(".bias") && e.name().startsWith("norms.")) {
                Arrays.fill(m.parameters(), e.offset(), e.offset() + e.size(), 0.7f);
            }
        }
        m.parametersChanged();
        SplittableRandom rnd = new SplittableRandom(2);
        Tensor padded = Tensor.zeros(2, 5, 3);
        for (int i = 0; i < padded.size(); i++) {
            padded.data()[i] = (float) rnd.nextDouble(-1, 1);
        }
        Tensor alone = Tensor.of(Arrays.copyOfRange(padded.data(), 5 * 3, 5 * 3 + 2 * 3), 1, 2, 3);
        Tensor both = m.predict(padded, new int[] {5, 2});
        Tensor single = m.predict(alone, null);
        for (int t = 0; t < 2; t++) {
            for (int o = 0; o < 2; o++) {
                assertThat(both.get(1, t, o)).isEqualTo(single.get(0, t, o));
            }
        }
    }

    @Test
    void badStacksAreRejectedWithTheReason() {
        assertThatThrownBy(() -> ModelConfig.builder().inputs(3).lstm(4).lstm(5).lstm(4).residual().denseOnLastStep(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1").hasMessageContaining("input width 4").hasMessageContaining("output width 5");
        assertThatThrownBy(() -> ModelConfig.builder().inputs(3).lstm(4).lstm(4).residual().denseOnLastStep(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 layers, got 2");
        assertThatThrownBy(() -> ModelConfig.builder().inputs(3).lstm(4).layerNorm().denseOnLastStep(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 layers, got 1");
    }

    @Test
    void aModelFileRoundTripKeepsTheOptionsAndTheNorms(@TempDir Path dir) throws IOException {
        SequenceModel m = SequenceModel.create(deepStack().residual().layerNorm().denseOnLastStep(2).seed(5).build());
        float[] p = m.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.001f * (i % 7); // so the norms' gains and biases are not their initial 1 and 0
        }
        m.parametersChanged();
        ModelFiles.save(m, dir);
        SequenceModel back = ModelFiles.load(dir);
        assertThat(back.config().residual()).isTrue();
        assertThat(back.config().layerNorm()).isTrue();
        assertThat(back.parameters()).containsExactly(m.parameters());
        Map<String, Tensor> weights = SafeTensors.read(dir.resolve(ModelFiles.WEIGHTS));
        assertThat(weights.get("norms.1.bias").shape()).containsExactly(4);
        Tensor x = Tensor.zeros(2, 4, 3);
        x.data()[5] = 1f;
        x.data()[20] = -0.5f;
        assertThat(back.predict(x, new int[] {4, 3}).data()).containsExactly(m.predict(x, new int[] {4, 3}).data());
    }

    @Test
    void theOptionsAppearInConfigJsonOnlyWhenOnSoOlderFilesReadTheSame(@TempDir Path dir) throws IOException {
        SequenceModel plain = SequenceModel.create(deepStack().denseOnLastStep(2).build());
        ModelFiles.save(plain, dir.resolve("plain"));
        String json = Files.readString(dir.resolve("plain").resolve(ModelFiles.CONFIG));
        assertThat(json).doesNotContain("residual").doesNotContain("layerNorm").contains("\"seed\"");
        SequenceModel back = ModelFiles.load(dir.resolve("plain"));
        assertThat(back.config().residual()).isFalse();
        assertThat(back.config().layerNorm()).isFalse();
        assertThat(back.parameters()).containsExactly(plain.parameters());

        ModelFiles.save(SequenceModel.create(deepStack().layerNorm().denseOnLastStep(2).build()), dir.resolve("norm"));
        assertThat(Files.readString(dir.resolve("norm").resolve(ModelFiles.CONFIG)))
                .contains("\"layerNorm\" : true").doesNotContain("residual");
    }
}
