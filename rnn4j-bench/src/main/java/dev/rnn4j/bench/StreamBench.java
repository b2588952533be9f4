package dev.rnn4j.bench;

import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.StreamState;
import dev.rnn4j.nn.StreamingNetwork;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Batch-1 streaming: one {@link StreamingNetwork#step} per call with the state carried from call
 * to call. Warm-up of at least 2000 steps and 1 s (C2 needs the time), then single calls are timed
 * until 20 000 steps or {@code maxSeconds} (at least 1000 steps). Inputs cycle through 64
 * pre-drawn standard normal vectors, so the timed loop allocates nothing.
 */
final class StreamBench {

    /** Percentiles of the per-call times, in microseconds. */
    record Result(double median, double p10, double p90, double mean, int steps) {
    }

    private final StreamingNetwork net;
    private final StreamState state;
    private final float[][] inputs;
    private final float[] out;

    StreamBench(Workload w, int threads) {
        RecurrentNetwork base = RecurrentNetwork.create(w.config(), 42);
        base.setThreads(threads);
        this.net = base.streaming();
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
        while (n < 2000 || System.nanoTime() - start < 1_000_000_000L) {
            net.step(inputs[n & 63], state, out);
            n++;
        }
        long[] times = new long[20_000];
        long budget = (long) (maxSeconds * 1e9);
        long t0 = System.nanoTime();
        int steps = 0;
        while (steps < times.length && (steps < 1000 || System.nanoTime() - t0 < budget)) {
            float[] x = inputs[steps & 63];
            long a = System.nanoTime();
            net.step(x, state, out);
            times[steps++] = System.nanoTime() - a;
        }
        long[] used = Arrays.copyOf(times, steps);
        Arrays.sort(used);
        double mean = Arrays.stream(used).average().orElse(0);
        return new Result(used[steps / 2] / 1e3, used[steps / 10] / 1e3, used[steps * 9 / 10] / 1e3, mean / 1e3, steps);
    }
}
