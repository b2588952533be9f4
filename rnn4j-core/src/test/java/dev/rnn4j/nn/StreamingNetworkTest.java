package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Streaming one step at a time reproduces a whole-sequence forward pass, and costs no allocation. */
class StreamingNetworkTest {

    private static final RecurrentConfig[] CONFIGS = {
        RecurrentConfig.lstm(5, 17).withLayers(2),
        RecurrentConfig.gru(3, 33).withLayers(2),
        RecurrentConfig.rnn(4, 9),
        RecurrentConfig.of(CellType.RNN_RELU, 4, 16).withBias(false),
        RecurrentConfig.lstm(8, 32).withBias(false),
    };

    @Test
    void stepsMatchTheForwardPassOnEveryPath() {
        int time = 12;
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : CONFIGS) {
                RecurrentNetwork net = Fixtures.network(config, k, 7);
                Tensor x = Fixtures.random(3, 1, time, config.inputSize());
                float[] expected = net.forward(x).output().data();

                StreamingNetwork stream = net.streaming();
                StreamState s = stream.newState();
                float[] out = new float[stream.outputSize()];
                float[] step = new float[config.inputSize()];
                int h = config.hiddenSize();
                for (int t = 0; t < time; t++) {
                    System.arraycopy(x.data(), t * step.length, step, 0, step.length);
                    stream.step(step, s, out);
                    for (int j = 0; j < h; j++) {
                        assertThat(out[j]).as("%s on %s, t=%d, j=%d", config, k.name(), t, j)
                                .isCloseTo(expected[t * h + j], org.assertj.core.data.Offset.offset(1e-5f));
                    }
                }
            }
        }
    }

    @Test
    void stateCanBeResetCopiedSavedAndLoaded() {
        StreamingNetwork stream = RecurrentNetwork.create(RecurrentConfig.lstm(2, 4).withLayers(2), 1).streaming();
        StreamState s = stream.newState();
        float[] out = new float[4];
        stream.step(new float[] {1, -1}, s, out);
        StreamState branch = s.copy();
        float[] saved = new float[s.size()];
        s.saveTo(saved, 0);
        assertThat(s.size()).isEqualTo(2 * 2 * 4);

        float[] a = new float[4];
        float[] b = new float[4];
        stream.step(new float[] {0.5f, 0.5f}, s, a);
        stream.step(new float[] {0.5f, 0.5f}, branch, b);
        assertThat(b).containsExactly(a);

        StreamState restored = stream.newState();
        restored.loadFrom(saved, 0);
        float[] c = new float[4];
        stream.step(new float[] {0.5f, 0.5f}, restored, c);
        assertThat(c).containsExactly(a);

        s.reset();
        assertThat(s.hidden(0)).containsOnly(0f);
        assertThat(s.hidden(1)).containsOnly(0f);
        restored.copyFrom(s);
        assertThat(restored.hidden(1)).containsOnly(0f);
    }

    @Test
    void aStepAllocatesNothing() {
        // Measured on the scalar kernels, whose allocation does not depend on vector intrinsics; the
        // vector path reports its allocation per step in the streaming benchmark.
        RecurrentNetwork net = Fixtures.network(RecurrentConfig.gru(8, 32).withLayers(2), KernelProvider.scalar(), 5);
        long allocated = Fixtures.bytesAllocatedByStreaming(net.streaming(), 8, 32);
        assertThat(allocated).as("bytes allocated by 20000 steps (not per step)").isLessThan(4096);
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> RecurrentNetwork.create(RecurrentConfig.lstm(2, 4).withBidirectional(true), 1).streaming())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bidirectional");
        StreamingNetwork stream = RecurrentNetwork.create(RecurrentConfig.lstm(2, 4), 1).streaming();
        StreamState s = stream.newState();
        assertThatThrownBy(() -> stream.step(new float[3], s, new float[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(
                        "x must have 2 features (the network's input_size), got 3.");
        StreamState other = RecurrentNetwork.create(RecurrentConfig.lstm(2, 5), 1).streaming().newState();
        assertThatThrownBy(() -> stream.step(new float[2], other, new float[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another shape");
        assertThatThrownBy(() -> s.loadFrom(new float[] {0, 0, 0, 0, 0, 0, 0, Float.NaN}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }
}
