package dev.rnn4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.io.SafeTensors;
import dev.rnn4j.io.TorchExports;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole PyTorch models, a recurrent module {@code rnn} plus an {@code nn.Linear} {@code head}
 * (tools/pytorch/export_reference.py, MODEL_CASES), load with {@link PyTorchModels#load} and give
 * PyTorch's outputs within 1e-5. Runs when {@code -Drnn4j.torch.dir=DIR} names the script's output,
 * as {@code .ci/run} passes wherever Debian's python3-torch can be installed.
 */
class PyTorchModelsInteropTest {

    private static final double TOLERANCE = 1e-5;

    @TestFactory
    Stream<DynamicTest> pytorchModelsWithALinearHeadLoadAndAgree() throws IOException {
        List<DynamicTest> tests = TorchExports.cases("MODEL_CASES", PyTorchModelsInteropTest::check);
        assertThat(tests).as("cases listed in MODEL_CASES").isNotEmpty();
        return tests.stream();
    }

    private static void check(Path dir, String name) throws IOException {
        JsonNode c = new ObjectMapper().readTree(dir.resolve(name + ".json").toFile());
        ModelConfig.Builder b = ModelConfig.builder().inputs(c.get("input_size").asInt());
        for (int l = 0; l < c.get("num_layers").asInt(); l++) {
            b.layer(CellType.fromId(c.get("cell").asText()), c.get("hidden_size").asInt());
            if (c.get("bidirectional").asBoolean()) {
                b.bidirectional();
            }
        }
        int outputs = c.get("outputs").asInt();
        ModelConfig config = c.get("head").asText().equals("last_step") ? b.denseOnLastStep(outputs).build()
                : b.denseOnEveryStep(outputs).build();
        SequenceModel model = PyTorchModels.load(config, dir.resolve(name + ".safetensors"));

        Map<String, Tensor> io = SafeTensors.read(dir.resolve(name + ".io.safetensors"));
        int[] lengths = null;
        if (io.containsKey("lengths")) {
            float[] l = io.get("lengths").data();
            lengths = new int[l.length];
            for (int i = 0; i < l.length; i++) {
                lengths[i] = (int) l[i];
            }
        }
        Tensor expected = io.get("y");
        Tensor actual = model.predict(io.get("x"), lengths);
        assertThat(actual.shape()).as(name + " output shape").containsExactly(expected.shape());
        for (int i = 0; i < expected.size(); i++) {
            assertThat((double) actual.data()[i]).as("%s y[%d]", name, i)
                    .isCloseTo(expected.data()[i], Offset.offset(TOLERANCE));
        }
    }
}
