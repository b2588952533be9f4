package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A streaming step shared between threads gives the single-threaded step's results bit for bit. */
class SplitStepTest {

    private static final RecurrentConfig[] CONFIGS = {
        RecurrentConfig.lstm(32, 128),
        RecurrentConfig.lstm(5, 40).withLayers(2),          // hidden units split 16 + 24: a vector tail in one part
        RecurrentConfig.gru(8, 64).withLayers(2),
        RecurrentConfig.gru(3, 48).withBias(false),
        RecurrentConfig.rnn(7, 33),
        RecurrentConfig.of(CellType.RNN_RELU, 4, 32),
    };

    /** Steps {@code steps} inputs through a fresh stream and returns every output, one after another. */
    private static float[] run(StreamingNetwork net, int steps, long seed) {
        float[] x = Fixtures.random(seed, steps, net.inputSize()).data();
        StreamState s = net.newState();
        float[] step = new float[net.inputSize()];
        float[] out = new float[net.outputSize()];
        float[] all = new float[steps * out.length];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(x, t * step.length, step, 0, step.length);
            net.step(step, s, out);
            System.arraycopy(out, 0, all, t * out.length, out.length);
        }
        return all;
    }

    /** Exact equality, reported as the first differing output (a whole-array message would be megabytes). */
    private static void assertSameOutputs(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        int i = java.util.Arrays.mismatch(actual, expected);
        assertThat(i).as("%s: first differing output at %d (%s instead of %s)", what, i,
                i < 0 ? "" : actual[i], i < 0 ? "" : expected[i]).isEqualTo(-1);
    }

    @Test
    void splitStepsEqualTheSingleThreadedStepBitForBit() {
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : CONFIGS) {
                RecurrentNetwork net = Fixtures.network(config, k, 11);
                float[] alone = run(net.streaming(), 40, 3);
                for (int threads : new int[] {2, 3}) {
                    StreamingNetwork shared = net.streaming(threads, 0);
                    assertThat(shared.threads()).isEqualTo(threads);
                    assertSameOutputs(run(shared, 40, 3), alone, config + " on " + k.name() + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void onlyLargeLayersAreSplitByDefault() {
        Kernels k = KernelProvider.get();
        RecurrentNetwork large = Fixtures.network(RecurrentConfig.lstm(32, 128), k, 1);
        StreamingNetwork shared = large.streaming(2);
        assertThat(shared.splitsLayer(0)).as("an LSTM layer with 80 K weights").isTrue();
        assertSameOutputs(run(shared, 5, 1), run(large.streaming(), 5, 1), "hidden 128 on two threads");
        assertThat(Fixtures.network(RecurrentConfig.gru(8, 32), k, 1).streaming(2).splitsLayer(0))
                .as("a GRU layer with 4 K weights").isFalse();
        assertThat(large.streaming().splitsLayer(0)).as("one thread").isFalse();
    }

    @Test
    void theFasterWayByTheProbesMediansIsKeptUntilTheNextProbe() {
        SplitStep split = Fixtures.network(RecurrentConfig.lstm(32, 128), KernelProvider.get(), 1).streaming(2).splitStep();
        assertThat(split.splitNow(-1)).as("split until measured otherwise").isTrue();
        // One probe where splitting is slower in most steps (a few fast outliers do not decide it).
        for (int slot = 0; slot < 2 * SplitStep.PROBE_STEPS; slot++) {
            assertThat(split.probeSlot()).isEqualTo(slot);
            assertThat(split.splitNow(slot)).isEqualTo(slot % 2 == 0);
            split.record(slot, slot % 2 == 0 ? (slot < 20 ? 1_000 : 5_000) : 3_500);
        }
        for (int step = 2 * SplitStep.PROBE_STEPS; step < SplitStep.PROBE_PERIOD; step++) {
            assertThat(split.probeSlot()).isEqualTo(-1);
        }
        assertThat(split.splitNow(-1)).as("alone after a probe where splitting lost").isFalse();
        // The next probe finds splitting faster again.
        for (int slot = 0; slot < 2 * SplitStep.PROBE_STEPS; slot++) {
            assertThat(split.probeSlot()).isEqualTo(slot);
            split.record(slot, slot % 2 == 0 ? 2_400 : 3_500);
        }
        assertThat(split.splitNow(-1)).as("split again").isTrue();
    }

    @Test
    void concurrentCallersOfOneSnapshotGetTheirOwnResults() throws Exception {
        // Two callers share one team: whoever finds it taken steps alone, and both results stay exact.
        RecurrentNetwork net = Fixtures.network(RecurrentConfig.lstm(6, 64).withLayers(2), KernelProvider.get(), 5);
        StreamingNetwork shared = net.streaming(2, 0);
        float[] expected1 = run(net.streaming(), 2000, 21);
        float[] expected2 = run(net.streaming(), 2000, 22);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            results.add(pool.submit(() -> run(shared, 2000, 21)));
            results.add(pool.submit(() -> run(shared, 2000, 22)));
            assertSameOutputs(results.get(0).get(), expected1, "the first caller's stream");
            assertSameOutputs(results.get(1).get(), expected2, "the second caller's stream");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSplitStepAllocatesNothingOnAnyThread() {
        RecurrentNetwork net = Fixtures.network(RecurrentConfig.gru(8, 64).withLayers(2), KernelProvider.scalar(), 5);
        StreamingNetwork shared = net.streaming(2, 0);
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        shared.step(new float[8], shared.newState(), new float[64]);          // starts the helper
        long[] helpers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("rnn4j-helper-2-")).mapToLong(Thread::getId).toArray();
        assertThat(helpers).as("the helper thread of a 2-thread team").hasSize(1);
        long helperBefore = mx.getThreadAllocatedBytes(helpers[0]);
        long caller = Fixtures.bytesAllocatedByStreaming(shared, 8, 64);
        long helper = mx.getThreadAllocatedBytes(helpers[0]) - helperBefore;
        assertThat(caller).as("bytes allocated by the caller in 20000 steps (not per step)").isLessThan(4096);
        assertThat(helper).as("bytes allocated by the helper in 25000 steps (not per step)").isLessThan(4096);
    }

    @Test
    void threadsMustBePositive() {
        RecurrentNetwork net = RecurrentNetwork.create(RecurrentConfig.lstm(2, 4), 1);
        assertThatThrownBy(() -> net.streaming(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, got 0.");
        assertThat(net.streamingInt8(dev.rnn4j.quant.Int8Kernel.best()).threads()).isEqualTo(1);
    }
}
