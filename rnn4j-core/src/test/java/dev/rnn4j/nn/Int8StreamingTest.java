package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.quant.Int8Kernel;
import dev.rnn4j.quant.Int8Matrix;
import dev.rnn4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The int8 streaming step computes exactly what a float32 step computes with the weights rounded to
 * their int8 values: compared against a float network whose W_ih and W_hh were replaced by the
 * dequantised matrices, for every cell and both int8 kernels.
 */
class Int8StreamingTest {

    private static final RecurrentConfig[] CONFIGS = {
        RecurrentConfig.lstm(5, 17).withLayers(2),
        RecurrentConfig.gru(3, 33),
        RecurrentConfig.rnn(4, 9).withLayers(2),
        RecurrentConfig.lstm(8, 32).withBias(false),
    };

    @Test
    void int8StepEqualsAFloatStepWithTheRoundedWeights() {
        List<Int8Kernel> kernels = List.of(Int8Kernel.scalar(), Int8Kernel.vector().orElseThrow());
        for (Int8Kernel kernel : kernels) {
            for (RecurrentConfig config : CONFIGS) {
                RecurrentNetwork net = Fixtures.network(config, KernelProvider.scalar(), 3);
                RecurrentNetwork rounded = Fixtures.network(config, KernelProvider.scalar(), 3);
                ParameterLayout layout = ParameterLayout.of(config);
                int gw = config.cell().gates() * config.hiddenSize();
                float[] w = rounded.parameters().values();
                for (int l = 0; l < config.numLayers(); l++) {
                    ParameterLayout.DirectionOffsets p = layout.direction(l, 0, 1);
                    dequantizeInPlace(w, p.weightIh(), gw, p.inputSize());
                    dequantizeInPlace(w, p.weightHh(), gw, config.hiddenSize());
                }
                StreamingNetwork int8 = net.streamingInt8(kernel);
                StreamingNetwork reference = rounded.streaming();
                StreamingNetwork full = net.streaming();
                assertThat(int8.precision()).startsWith("int8");
                StreamState a = int8.newState();
                StreamState b = reference.newState();
                StreamState c = full.newState();
                float[] ya = new float[int8.outputSize()];
                float[] yb = new float[int8.outputSize()];
                float[] yc = new float[int8.outputSize()];
                Tensor x = Fixtures.random(9, 20, config.inputSize());
                double maxDiffFromFloat = 0;
                for (int t = 0; t < 20; t++) {
                    float[] step = java.util.Arrays.copyOfRange(x.data(), t * config.inputSize(), (t + 1) * config.inputSize());
                    int8.step(step, a, ya);
                    reference.step(step, b, yb);
                    full.step(step, c, yc);
                    for (int j = 0; j < ya.length; j++) {
                        assertThat(ya[j]).as("%s, %s, t=%d, j=%d", config, kernel.name(), t, j).isCloseTo(yb[j], within(2e-5f));
                        maxDiffFromFloat = Math.max(maxDiffFromFloat, Math.abs(ya[j] - yc[j]));
                    }
                }
                // Rounding to 8 bits moves the outputs, but only a little.
                assertThat(maxDiffFromFloat).as("%s: int8 vs float32", config).isGreaterThan(0).isLessThan(0.05);
            }
        }
    }

    @Test
    void anInt8StepAllocatesNothing() {
        // Measured with the scalar float and int8 kernels, whose allocation does not depend on JIT timing (the
        // vector one allocates until C2 has compiled the step; run the JMH benchmark with -prof gc).
        StreamingNetwork stream = Fixtures.network(RecurrentConfig.gru(8, 64), KernelProvider.scalar(), 1).streamingInt8(Int8Kernel.scalar());
        assertThat(Fixtures.bytesAllocatedByStreaming(stream, 8, 64)).as("bytes allocated by 20000 int8 steps (not per step)")
                .isLessThan(4096);
    }

    private static void dequantizeInPlace(float[] w, int off, int rows, int cols) {
        Int8Matrix m = Int8Matrix.quantize(w, off, rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w[off + r * cols + c] = m.get(r, c);
            }
        }
    }
}
