package dev.rnn4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.io.SafeTensors;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @Test
    void saveThenLoadGivesTheSameConfigAndPredictions(@TempDir Path dir) throws IOException {
        ModelConfig config = ModelConfig.builder().inputs(3).gru(5).bidirectional().dropout(0.1).lstm(4).recurrentDropout(0.2)
                .denseOnLastStep(2).init(InitSpec.pytorch()).seed(9).build();
        SequenceModel m = SequenceModel.create(config);
        ModelFiles.save(m, dir);
        SequenceModel back = ModelFiles.load(dir);
        assertThat(back.config()).usingRecursiveComparison().isEqualTo(config);
        assertThat(back.parameters()).containsExactly(m.parameters());
        Tensor x = Tensor.zeros(2, 4, 3);
        x.data()[5] = 1f;
        assertThat(back.predict(x, new int[] {4, 2}).data()).containsExactly(m.predict(x, new int[] {4, 2}).data());
        Map<String, Tensor> weights = SafeTensors.read(dir.resolve(ModelFiles.WEIGHTS));
        assertThat(weights).containsKeys("layers.0.weight_ih_l0", "layers.0.weight_hh_l0_reverse", "layers.1.bias_hh_l0",
                "head.weight", "head.bias");
        assertThat(weights.get("layers.0.weight_ih_l0").shape()).containsExactly(15, 3);
    }

    @Test
    void aModelCardTravelsInConfigJsonAndDoesNotDisturbLoading(@TempDir Path dir) throws IOException {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(2).rnn(3).denseOnLastStep(2).build());
        com.fasterxml.jackson.databind.node.ObjectNode card = ModelFiles.json().createObjectNode();
        card.put("max_trained_length", 17);
        card.putObject("metrics").put("validation_accuracy", 0.75);
        ModelFiles.save(m, dir, card);
        com.fasterxml.jackson.databind.JsonNode json = ModelFiles.json().readTree(dir.resolve(ModelFiles.CONFIG).toFile());
        assertThat(ModelFiles.card(json).get("max_trained_length").asInt()).isEqualTo(17);
        assertThat(ModelFiles.card(json).at("/metrics/validation_accuracy").asDouble()).isEqualTo(0.75);
        assertThat(ModelFiles.load(dir).parameters()).containsExactly(m.parameters());
        ModelFiles.save(m, dir);
        assertThat(ModelFiles.card(ModelFiles.json().readTree(dir.resolve(ModelFiles.CONFIG).toFile())).isEmpty()).isTrue();
    }

    @Test
    void aWeightWithTheWrongShapeIsNamed(@TempDir Path dir) throws IOException {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(2).lstm(3).denseOnLastStep(1).build());
        ModelFiles.save(m, dir);
        Map<String, Tensor> w = new java.util.LinkedHashMap<>(SafeTensors.read(dir.resolve(ModelFiles.WEIGHTS)));
        w.put("head.weight", Tensor.zeros(2, 3));
        SafeTensors.write(dir.resolve(ModelFiles.WEIGHTS), w);
        assertThatThrownBy(() -> ModelFiles.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("head.weight").hasMessageContaining("[2, 3]").hasMessageContaining("[1, 3]");
    }

    @Test
    void aTruncatedWeightsFileIsAnIoError(@TempDir Path dir) throws IOException {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(2).gru(3).denseOnLastStep(1).build());
        ModelFiles.save(m, dir);
        byte[] all = Files.readAllBytes(dir.resolve(ModelFiles.WEIGHTS));
        Files.write(dir.resolve(ModelFiles.WEIGHTS), java.util.Arrays.copyOf(all, all.length - 10));
        assertThatThrownBy(() -> ModelFiles.load(dir)).isInstanceOf(IOException.class).hasMessageContaining("data_offsets");
    }
}
