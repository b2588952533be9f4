package dev.rnn4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rnn4j.kernel.KernelProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

/**
 * A million steps of one stream run at constant heap: the heap in use after a full GC has not grown,
 * and the steps allocate nothing. Allocation is measured on the scalar kernels: the vector ones
 * allocate until C2 has compiled the step, which on a busy machine can take longer than the warm-up
 * (the JMH benchmarks measure them with -prof gc).
 */
class StreamingModelHeapTest {

    private static final int STEPS = 1_000_000;

    @Test
    void aMillionStepsRunAtConstantHeap() {
        ModelConfig config = ModelConfig.builder().inputs(4).gru(8).denseOnEveryStep(2).build();
        StreamingModel live = new StreamingModel(SequenceModel.create(config), null, LengthGuard.none(), KernelProvider.scalar());
        ModelStream s = live.newStream();
        float[] x = new float[4];
        float[] y = new float[2];
        for (int i = 0; i < 100_000; i++) { // warm-up: let the JIT compile the step
            x[i & 3] = (i % 7) / 7f - 0.5f;
            live.step(x, s, y);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        double checksum = 0;
        for (int i = 0; i < STEPS; i++) {
            x[i & 3] = (i % 7) / 7f - 0.5f;
            live.step(x, s, y);
            checksum += y[0];
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.gc();
        long heapGrowth = memory.getHeapMemoryUsage().getUsed() - heapBefore;
        System.out.printf("%d steps: %d bytes allocated, heap growth after GC %d bytes%n", STEPS, allocated, heapGrowth);
        assertThat(Double.isFinite(checksum)).isTrue();
        assertThat(s.steps()).isEqualTo(100_000L + STEPS);
        assertThat(allocated).as("bytes allocated by %d steps", STEPS).isLessThan(64 * 1024);
        assertThat(heapGrowth).as("heap in use after a GC, growth over %d steps", STEPS).isLessThan(1024 * 1024);
    }
}
