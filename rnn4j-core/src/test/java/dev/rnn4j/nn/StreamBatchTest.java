package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.quant.Int8Kernel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stepping many streams at once gives each stream what stepping it alone gives, without allocating. */
class StreamBatchTest {

    private static final RecurrentConfig[] CONFIGS = {
        RecurrentConfig.lstm(5, 12).withLayers(2),
        RecurrentConfig.gru(3, 16).withLayers(3),
        RecurrentConfig.rnn(4, 9),
        RecurrentConfig.gru(6, 8).withBias(false),
    };

    @Test
    void aBatchedStepEqualsEachStreamSteppedAlone() {
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : CONFIGS) {
                RecurrentNetwork net = Fixtures.network(config, k, 3);
                check(config, net.streaming(), k.name() + " float32");
                check(config, net.streamingInt8(Int8Kernel.best()), k.name() + " int8");
            }
        }
    }

    private static void check(RecurrentConfig config, StreamingNetwork stream, String what) {
        int streams = 5;
        int in = config.inputSize();
        int h = config.hiddenSize();
        StreamState[] batched = new StreamState[streams];
        StreamState[] alone = new StreamState[streams];
        for (int i = 0; i < streams; i++) {
            batched[i] = stream.newState();
            alone[i] = stream.newState();
        }
        StreamBatch scratch = stream.newBatch(8);
        SplittableRandom r = new SplittableRandom(4);
        float[] x = new float[streams * in];
        float[] out = new float[streams * h];
        float[] xi = new float[in];
        float[] yi = new float[h];
        for (int t = 0; t < 15; t++) {
            for (int j = 0; j < x.length; j++) {
                x[j] = (float) r.nextDouble(-1.5, 1.5);
            }
            // a different subset of streams steps each time: 5, 4, 3, ... of them, the first ones
            int count = streams - t % 3;
            stream.step(x, batched, count, out, scratch);
            for (int i = 0; i < count; i++) {
                System.arraycopy(x, i * in, xi, 0, in);
                stream.step(xi, alone[i], yi);
                for (int j = 0; j < h; j++) {
                    assertThat(out[i * h + j]).as("%s %s, t=%d, stream %d, j=%d", config, what, t, i, j).isCloseTo(yi[j], within(1e-6f));
                }
            }
        }
        for (int i = 0; i < streams; i++) {
            float[] a = new float[batched[i].size()];
            float[] b = new float[alone[i].size()];
            batched[i].saveTo(a, 0);
            alone[i].saveTo(b, 0);
            for (int j = 0; j < a.length; j++) {
                assertThat(a[j]).as("%s %s, final state of stream %d", config, what, i).isCloseTo(b[j], within(1e-5f));
            }
        }
    }

    @Test
    void aBatchedStepAllocatesNothing() {
        StreamingNetwork stream = Fixtures.network(RecurrentConfig.lstm(8, 32).withLayers(2), KernelProvider.scalar(), 1).streaming();
        int streams = 16;
        StreamState[] states = new StreamState[streams];
        for (int i = 0; i < streams; i++) {
            states[i] = stream.newState();
        }
        StreamBatch scratch = stream.newBatch(streams);
        float[] x = new float[streams * 8];
        float[] out = new float[streams * 32];
        for (int i = 0; i < 2000; i++) {
            x[i % x.length] = i % 3 - 1;
            stream.step(x, states, streams, out, scratch);
        }
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 5000; i++) {
            x[i % x.length] = i % 3 - 1;
            stream.step(x, states, streams, out, scratch);
        }
        assertThat(mx.getCurrentThreadAllocatedBytes() - before).as("bytes allocated by 5000 batched steps of 16 streams").isLessThan(4096);
    }

    @Test
    void badBatchesAreRefusedNamingWhatWasExpected() {
        StreamingNetwork stream = RecurrentNetwork.create(RecurrentConfig.gru(3, 4), 1).streaming();
        StreamState[] states = {stream.newState(), stream.newState()};
        StreamBatch scratch = stream.newBatch(2);
        assertThatThrownBy(() -> stream.step(new float[6], states, 3, new float[8], scratch))
                .hasMessageContaining("count must be between 1 and 2").hasMessageContaining("got 3");
        assertThatThrownBy(() -> stream.step(new float[5], states, 2, new float[8], scratch))
                .hasMessageContaining("2 rows of 3 features").hasMessageContaining("got 5 and 8");
        StreamingNetwork other = RecurrentNetwork.create(RecurrentConfig.gru(3, 5), 1).streaming();
        assertThatThrownBy(() -> stream.step(new float[6], states, 2, new float[8], other.newBatch(2)))
                .hasMessageContaining("another shape");
        assertThatThrownBy(() -> stream.step(new float[6], new StreamState[] {states[0], other.newState()}, 2, new float[8], scratch))
                .hasMessageContaining("states[1]");
    }
}
