package dev.rnn4j.bench;

import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.StreamState;
import dev.rnn4j.nn.StreamingNetwork;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Batch-1 streaming: one {@link StreamingNetwork#step} per call with the state carried from call
 * to call. Warm-up of at least 100 000 steps and 3 s (C2 needs the time; compiling
 * the vector code in every tier takes over a second), then single calls are timed
 * until 20 000 steps or {@code maxSeconds} (at least 1000 steps). Inputs cycle through 64
 * pre-drawn standard normal vectors; the bytes allocated per step during the timed loop are
 * reported too (0 when C2 kept every vector in registers).
 */
final class StreamBench {

    /** Percentiles of the per-call times, in microseconds. */
    record Result(double median, double p10, double p90, double mean, int steps, double allocatedBytesPerStep) {
    }

    private final StreamingNetwork net;
    private final StreamState state;
    private final float[][] inputs;
    private final float[] out;

    StreamBench(Workload w, int threads) {
        // With threads > 1 a large layer's step is shared with spinning helpers (see StreamingNetwork);
        // small layers step on the calling thread whatever `threads` says.
        this.net = RecurrentNetwork.create(w.config(), 42).streaming(threads);
        this.state = net.newState();
        SplittableRandom r = new SplittableRandom(3);
        this.inputs = new float[64][w.input()];
        for (float[] v : inputs) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian());
            }
        }
        this.out = new float[net.outputSize()];
    }

    Result measure(double maxSeconds) {
        long start = System.nanoTime();
        int n = 0;
        while (n < 100_000 || System.nanoTime() - start < 3_000_000_000L) {
            net.step(inputs[n & 63], state, out);
            n++;
        }
        long[] times = new long[20_000];
        long budget = (long) (maxSeconds * 1e9);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // The caller and the helpers that share its steps (see StreamingNetwork): what any of them allocates counts.
        long[] helpers = helperThreads();
        long helpersBefore = allocated(mx, helpers);
        long callerBefore = mx.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        int steps = 0;
        while (steps < times.length && (steps < 1000 || System.nanoTime() - t0 < budget)) {
            float[] x = inputs[steps & 63];
            long a = System.nanoTime();
            net.step(x, state, out);
            times[steps++] = System.nanoTime() - a;
        }
        long caller = mx.getCurrentThreadAllocatedBytes() - callerBefore;
        double allocated = (caller + allocated(mx, helpers) - helpersBefore) / (double) steps;
        long[] used = Arrays.copyOf(times, steps);
        Arrays.sort(used);
        double mean = Arrays.stream(used).average().orElse(0);
        return new Result(used[steps / 2] / 1e3, used[steps / 10] / 1e3, used[steps * 9 / 10] / 1e3, mean / 1e3, steps, allocated);
    }

    /** The helper threads that share a streaming step with its caller (none for one thread). */
    private static long[] helperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("rnn4j-helper-")).mapToLong(Thread::getId).toArray();
    }

    /** Bytes allocated so far by these threads; reading them allocates on the calling thread only. */
    private static long allocated(com.sun.management.ThreadMXBean mx, long[] threads) {
        if (threads.length == 0) {
            return 0;
        }
        long sum = 0;
        for (long bytes : mx.getThreadAllocatedBytes(threads)) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }
}
