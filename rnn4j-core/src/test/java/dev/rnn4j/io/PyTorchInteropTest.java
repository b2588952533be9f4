package dev.rnn4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Models saved by PyTorch itself (tools/pytorch/export_reference.py) load into rnn4j through
 * safetensors and give PyTorch's outputs. Runs when {@code -Drnn4j.torch.dir=DIR} names the
 * script's output; {@code .ci/run} does that wherever Debian's python3-torch can be installed.
 */
class PyTorchInteropTest {

    private static final double ABS = 1e-5;
    private static final double REL = 1e-5;

    @TestFactory
    Stream<DynamicTest> pytorchModelsLoadAndAgree() throws IOException {
        List<DynamicTest> tests = TorchExports.cases("CASES", PyTorchInteropTest::check);
        return tests.stream();
    }

    private static void check(Path dir, String name) throws IOException {
        JsonNode c = new ObjectMapper().readTree(dir.resolve(name + ".json").toFile());
        RecurrentConfig config = new RecurrentConfig(CellType.fromId(c.get("cell").asText()), c.get("input_size").asInt(),
                c.get("hidden_size").asInt(), c.get("num_layers").asInt(), c.get("bidirectional").asBoolean(),
                c.get("bias").asBoolean());
        RecurrentNetwork net = RecurrentNetwork.fromStateDict(config, SafeTensors.read(dir.resolve(name + ".safetensors")));
        Map<String, Tensor> io = SafeTensors.read(dir.resolve(name + ".io.safetensors"));
        int[] lengths = null;
        if (io.containsKey("lengths")) {
            float[] l = io.get("lengths").data();
            lengths = new int[l.length];
            for (int i = 0; i < l.length; i++) {
                lengths[i] = (int) l[i];
            }
        }
        RecurrentOutput out = net.forward(io.get("x"), lengths);
        assertClose(name + " output", io.get("output"), out.output());
        assertClose(name + " h_n", io.get("h_n"), out.hN());
        if (io.containsKey("c_n")) {
            assertClose(name + " c_n", io.get("c_n"), out.cN());
        }
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
        for (int i = 0; i < expected.size(); i++) {
            float e = expected.data()[i];
            assertThat((double) actual.data()[i]).as("%s[%d]", what, i)
                    .isCloseTo(e, org.assertj.core.data.Offset.offset(ABS + REL * Math.abs(e)));
        }
    }
}
