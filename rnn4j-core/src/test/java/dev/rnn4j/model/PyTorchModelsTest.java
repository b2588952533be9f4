package dev.rnn4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.io.SafeTensors;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The naming contract of {@link PyTorchModels}, checked without PyTorch: a state dict written the
 * way a PyTorch {@code Net(rnn=nn.LSTM(num_layers=2), head=nn.Linear)} names it loads onto the
 * right parameters; missing, unexpected and misshapen tensors are named. PyTorch's own files are
 * checked by {@link PyTorchModelsInteropTest}.
 */
class PyTorchModelsTest {

    @TempDir
    Path dir;

    private static Tensor random(SplittableRandom r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) r.nextDouble(-0.5, 0.5);
        }
        return t;
    }

    /** A stacked 2-layer bidirectional GRU's state dict under rnn., as PyTorch names it, and a head. */
    private static Map<String, Tensor> stackedStateDict(SplittableRandom r) {
        RecurrentNetwork gru = RecurrentNetwork.create(RecurrentConfig.gru(3, 4).withLayers(2).withBidirectional(true), 7);
        Map<String, Tensor> sd = new LinkedHashMap<>();
        gru.stateDict().forEach((name, t) -> sd.put("rnn." + name, t));
        sd.put("head.weight", random(r, 2, 8));
        sd.put("head.bias", random(r, 2));
        return sd;
    }

    private static ModelConfig bidiGru2x() {
        return ModelConfig.builder().inputs(3).gru(4).bidirectional().gru(4).bidirectional().denseOnLastStep(2).build();
    }

    @Test
    void aStackedModuleAndALinearHeadLoadOntoTheirLayers() throws IOException {
        Map<String, Tensor> sd = stackedStateDict(new SplittableRandom(1));
        Path file = dir.resolve("net.safetensors");
        SafeTensors.write(file, sd);
        SequenceModel m = PyTorchModels.load(bidiGru2x(), file);
        Map<String, Tensor> byName = new LinkedHashMap<>();
        float[] v = m.parameters();
        m.entries().forEach(e -> byName.put(e.name(), Tensor.of(java.util.Arrays.copyOfRange(v, e.offset(), e.offset() + e.size()),
                e.shape())));
        assertThat(byName.get("layers.0.weight_ih_l0").data()).containsExactly(sd.get("rnn.weight_ih_l0").data());
        assertThat(byName.get("layers.0.bias_hh_l0_reverse").data()).containsExactly(sd.get("rnn.bias_hh_l0_reverse").data());
        assertThat(byName.get("layers.1.weight_hh_l0_reverse").data()).containsExactly(sd.get("rnn.weight_hh_l1_reverse").data());
        assertThat(byName.get("layers.1.weight_ih_l0").data()).containsExactly(sd.get("rnn.weight_ih_l1").data());
        assertThat(byName.get("head.weight").data()).containsExactly(sd.get("head.weight").data());
        assertThat(byName.get("head.bias").data()).containsExactly(sd.get("head.bias").data());
    }

    @Test
    void otherModuleNamesAreGivenExplicitly() throws IOException {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        stackedStateDict(new SplittableRandom(2)).forEach((name, t) ->
                sd.put(name.startsWith("rnn.") ? "encoder." + name.substring(4) : "fc." + name.substring(5), t));
        Path file = dir.resolve("net.safetensors");
        SafeTensors.write(file, sd);
        SequenceModel m = PyTorchModels.load(bidiGru2x(), file, "encoder", "fc");
        assertThat(m.parameters()[m.parameters().length - 1]).isEqualTo(sd.get("fc.bias").data()[1]);
        assertThatThrownBy(() -> PyTorchModels.load(bidiGru2x(), file)).isInstanceOf(IOException.class)
                .hasMessageContaining("rnn.weight_ih_l0").hasMessageContaining("encoder.weight_ih_l0");
    }

    @Test
    void rnn4jsOwnNamesLoadTooWhateverTheStack(@TempDir Path modelDir) throws IOException {
        ModelConfig mixed = ModelConfig.builder().inputs(3).lstm(4).gru(4).gru(4).residual().layerNorm().denseOnEveryStep(2).build();
        SequenceModel m = SequenceModel.create(mixed);
        ModelFiles.save(m, modelDir);
        SequenceModel back = PyTorchModels.load(mixed, modelDir.resolve(ModelFiles.WEIGHTS));
        assertThat(back.parameters()).containsExactly(m.parameters());
    }

    @Test
    void aMissingTensorIsNamedWithItsPyTorchName() throws IOException {
        Map<String, Tensor> sd = stackedStateDict(new SplittableRandom(3));
        sd.remove("rnn.bias_ih_l1_reverse");
        Path file = dir.resolve("net.safetensors");
        SafeTensors.write(file, sd);
        assertThatThrownBy(() -> PyTorchModels.load(bidiGru2x(), file)).isInstanceOf(IOException.class)
                .hasMessageContaining("net.safetensors").hasMessageContaining("'rnn.bias_ih_l1_reverse' is missing");
    }

    @Test
    void anUnexpectedTensorIsNamed() throws IOException {
        Map<String, Tensor> sd = stackedStateDict(new SplittableRandom(4));
        sd.put("rnn.weight_ih_l2", Tensor.zeros(12, 8)); // a third layer the config does not have
        Path file = dir.resolve("net.safetensors");
        SafeTensors.write(file, sd);
        assertThatThrownBy(() -> PyTorchModels.load(bidiGru2x(), file)).isInstanceOf(IOException.class)
                .hasMessageContaining("'rnn.weight_ih_l2' is not part of this model");
    }

    @Test
    void aHeadOfTheWrongWidthIsNamedWithBothShapes() throws IOException {
        Map<String, Tensor> sd = stackedStateDict(new SplittableRandom(5));
        sd.put("head.weight", Tensor.zeros(2, 4)); // reads one direction only
        Path file = dir.resolve("net.safetensors");
        SafeTensors.write(file, sd);
        assertThatThrownBy(() -> PyTorchModels.load(bidiGru2x(), file)).isInstanceOf(IOException.class)
                .hasMessageContaining("'head.weight' has shape [2, 4], expected [2, 8]");
    }

    @Test
    void aStackOneModuleCannotHoldIsRefusedWithTheReason() throws IOException {
        Path file = dir.resolve("net.safetensors");
        SafeTensors.write(file, stackedStateDict(new SplittableRandom(6)));
        ModelConfig mixed = ModelConfig.builder().inputs(3).gru(4).bidirectional().lstm(4).bidirectional().denseOnLastStep(2).build();
        assertThatThrownBy(() -> PyTorchModels.load(mixed, file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1 (LSTM, 4, bidirectional true) differs from layer 0 (GRU, 4, bidirectional true)");
    }
}
