package dev.rnn4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reverse direction of the interop: parameters exported by rnn4j load into PyTorch with
 * {@code load_state_dict(strict=True)} and PyTorch reproduces rnn4j's outputs within 1e-5
 * (tools/pytorch/check_rnn4j_export.py). Runs where python3 can import torch (.ci/run installs it).
 */
class PyTorchLoadsRnn4jTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @Test
    void pytorchReproducesRnn4jOutputs() throws Exception {
        assumeTrue(torchAvailable(), "python3 with torch is not installed");
        Path tools = Path.of(System.getProperty("rnn4j.root.dir", "..")).resolve("tools/pytorch");
        export("lstm_bi_2x", RecurrentConfig.lstm(4, 6).withLayers(2).withBidirectional(true), new int[] {7, 3, 5});
        export("gru_3x_nobias", RecurrentConfig.gru(3, 5).withLayers(3).withBias(false), null);
        export("rnn_relu_bi", new RecurrentConfig(dev.rnn4j.nn.CellType.RNN_RELU, 2, 7, 1, true, true), new int[] {1, 7, 4});
        Files.writeString(dir.resolve("CASES"), "lstm_bi_2x\ngru_3x_nobias\nrnn_relu_bi\n");

        Process p = new ProcessBuilder(PYTHON, tools.resolve("check_rnn4j_export.py").toString(), dir.toString())
                .directory(tools.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.print(out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines().filter(l -> l.endsWith(" ok")).count()).as(out).isEqualTo(3);
    }

    private void export(String name, RecurrentConfig config, int[] lengths) throws IOException {
        SplittableRandom r = new SplittableRandom(name.hashCode());
        RecurrentNetwork net = RecurrentNetwork.create(config, name.hashCode());
        int batch = 3;
        int time = 7;
        Tensor x = Tensor.zeros(batch, time, config.inputSize());
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) r.nextDouble(-2, 2);
        }
        RecurrentOutput out = net.forward(x, lengths);
        SafeTensors.write(dir.resolve(name + ".safetensors"), net.stateDict());
        Map<String, Tensor> io = new LinkedHashMap<>();
        io.put("x", x);
        io.put("output", out.output());
        io.put("h_n", out.hN());
        if (out.cN() != null) {
            io.put("c_n", out.cN());
        }
        if (lengths != null) {
            float[] l = new float[lengths.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = lengths[i];
            }
            io.put("lengths", Tensor.of(l, l.length));
        }
        SafeTensors.write(dir.resolve(name + ".io.safetensors"), io);
        ObjectNode c = new ObjectMapper().createObjectNode();
        c.put("cell", config.cell().id()).put("input_size", config.inputSize()).put("hidden_size", config.hiddenSize())
                .put("num_layers", config.numLayers()).put("bidirectional", config.bidirectional()).put("bias", config.bias());
        Files.writeString(dir.resolve(name + ".json"), c.toString());
    }

    private static boolean torchAvailable() {
        try {
            Process p = new ProcessBuilder(List.of(PYTHON, "-c", "import torch")).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
