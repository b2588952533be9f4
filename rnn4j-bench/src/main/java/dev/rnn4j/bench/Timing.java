package dev.rnn4j.bench;

import java.util.Arrays;

/**
 * The kit's timing policy for whole sequences: warm up, then up to {@code reps} reps of at least
 * 0.2 s each (several iterations per rep for small workloads), never fewer than 3, fewer than
 * {@code reps} when they would take longer than {@code maxSeconds}; the result is the median
 * per-iteration time over the reps.
 *
 * @param warmupSeconds warm-up time; longer than the kit's 0.5 s minimum because C2 compiles the
 *                      vector kernels in several tiers and the first seconds are not representative
 */
record Timing(double warmupSeconds, int reps, double maxSeconds) {

    /** Per-iteration times of each rep, in seconds, sorted; and the iterations per rep. */
    record Result(double[] perIteration, int inner) {
        double median() {
            return perIteration[perIteration.length / 2];
        }

        double min() {
            return perIteration[0];
        }

        double max() {
            return perIteration[perIteration.length - 1];
        }
    }

    Result measure(Runnable iteration) {
        long start = System.nanoTime();
        int warm = 0;
        while (warm < 2 || System.nanoTime() - start < warmupSeconds * 1e9) {
            iteration.run();
            warm++;
        }
        double oneIteration = (System.nanoTime() - start) / 1e9 / warm;
        int inner = (int) Math.max(1, Math.ceil(0.2 / oneIteration));
        double perRep = inner * oneIteration;
        int count = (int) Math.max(3, Math.min(reps, Math.floor(maxSeconds / perRep)));
        double[] times = new double[count];
        for (int r = 0; r < count; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < inner; i++) {
                iteration.run();
            }
            times[r] = (System.nanoTime() - t0) / 1e9 / inner;
        }
        Arrays.sort(times);
        return new Result(times, inner);
    }
}
