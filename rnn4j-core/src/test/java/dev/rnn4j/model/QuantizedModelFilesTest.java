package dev.rnn4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.io.SafeTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizedModelFilesTest {

    @Test
    void recurrentMatricesAreStoredAsInt8WithRowScalesAndTheFileShrinks(@TempDir Path dir) throws IOException {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(12).lstm(64).gru(32).denseOnLastStep(9).build());
        ModelFiles.save(m, dir.resolve("f32"));
        QuantizedModelFiles.save(m, dir.resolve("i8"), null);
        SafeTensors.Mixed q = SafeTensors.readMixed(dir.resolve("i8").resolve(ModelFiles.WEIGHTS));
        assertThat(q.int8().keySet()).containsExactly("layers.0.weight_ih_l0", "layers.0.weight_hh_l0",
                "layers.1.weight_ih_l0", "layers.1.weight_hh_l0", "head.weight");
        assertThat(q.floats()).containsKeys("layers.0.weight_ih_l0.scale", "layers.0.bias_ih_l0", "head.weight.scale", "head.bias");
        assertThat(q.floats().get("layers.0.weight_hh_l0.scale").shape()).containsExactly(256);
        // The dequantised int8 values are within half a scale step of the float weights.
        float[] w = m.parameters();
        var entry = m.entries().stream().filter(e -> e.name().equals("layers.0.weight_hh_l0")).findFirst().orElseThrow();
        byte[] values = q.int8().get("layers.0.weight_hh_l0").data();
        float[] scales = q.floats().get("layers.0.weight_hh_l0.scale").data();
        for (int i = 0; i < values.length; i++) {
            assertThat(Math.abs(scales[i / 64] * values[i] - w[entry.offset() + i])).isLessThanOrEqualTo(scales[i / 64] * 0.5f + 1e-7f);
        }
        long f32 = Files.size(dir.resolve("f32").resolve(ModelFiles.WEIGHTS));
        long i8 = Files.size(dir.resolve("i8").resolve(ModelFiles.WEIGHTS));
        assertThat((double) f32 / i8).as("float32 / int8 file size").isGreaterThan(3.3);
        assertThat(Files.readString(dir.resolve("i8").resolve(ModelFiles.CONFIG))).contains("\"quantization\"");
        // The float32 loader refuses the int8 file with a message naming a tensor and the dtype.
        assertThatThrownBy(() -> ModelFiles.load(dir.resolve("i8"))).isInstanceOf(IOException.class).hasMessageContaining("I8");
    }

    @Test
    void aQuantisedModelLoadsBackAsItsInt8ValuesTimesTheirScales(@TempDir Path dir) throws IOException {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(4).lstm(8).gru(6).denseOnLastStep(3).build());
        QuantizedModelFiles.save(m, dir.resolve("i8.zip"), null);
        ModelFiles.save(m, dir.resolve("f32"));
        assertThat(ModelFiles.loadAny(dir.resolve("i8.zip")).parameters()).containsExactly(QuantizedModelFiles.dequantized(m).parameters());
        assertThat(ModelFiles.loadAny(dir.resolve("f32")).parameters()).containsExactly(m.parameters());
    }

    @Test
    void anInt8TensorWhereFloat32BelongsIsNamed(@TempDir Path dir) throws IOException {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(2).gru(3).denseOnLastStep(1).build());
        QuantizedModelFiles.save(m, dir, null);
        SafeTensors.Mixed q = SafeTensors.readMixed(dir.resolve(ModelFiles.WEIGHTS));
        java.util.Map<String, SafeTensors.Int8Tensor> int8 = new java.util.LinkedHashMap<>(q.int8());
        java.util.Map<String, dev.rnn4j.tensor.Tensor> floats = new java.util.LinkedHashMap<>(q.floats());
        floats.remove("head.bias");
        int8.put("head.bias", new SafeTensors.Int8Tensor(new byte[1], new int[] {1}));
        try (var out = Files.newOutputStream(dir.resolve(ModelFiles.WEIGHTS))) {
            SafeTensors.write(out, floats, int8);
        }
        assertThatThrownBy(() -> ModelFiles.loadAny(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("'head.bias' must be F32 (float32), got I8");
    }

    @Test
    void aTensorListNamingNoMatrixOfTheModelIsNamed(@TempDir Path dir) throws IOException {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(2).gru(3).denseOnLastStep(1).build());
        QuantizedModelFiles.save(m, dir, null);
        Path config = dir.resolve(ModelFiles.CONFIG);
        Files.writeString(config, Files.readString(config).replace("\"head.weight\"", "\"head.bias\""));
        assertThatThrownBy(() -> ModelFiles.loadAny(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("config.json").hasMessageContaining("quantization.tensors names 'head.bias'");
    }

    @Test
    void theDequantizedModelPredictsCloseToTheFloatModel() {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(3).gru(16).denseOnLastStep(2).build());
        SequenceModel d = QuantizedModelFiles.dequantized(m);
        dev.rnn4j.tensor.Tensor x = dev.rnn4j.tensor.Tensor.zeros(1, 5, 3);
        for (int i = 0; i < 15; i++) {
            x.data()[i] = (float) Math.sin(i);
        }
        float[] a = m.predict(x, new int[] {5}).data();
        float[] b = d.predict(x, new int[] {5}).data();
        assertThat(b).isNotEqualTo(a);
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - b[i])).isLessThan(0.02f);
        }
    }
}
