package dev.rnn4j.bench.jmh;

import java.util.Collection;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the peak probe (on one thread, and on two at once) and the GEMM benchmarks with JMH and
 * prints each GEMM shape's GFLOP/s as a percentage of the measured single-core peak. Extra
 * arguments are JMH include patterns for further benchmarks to run and print as they are (e.g.
 * {@code StepBenchmark}).
 */
public final class KernelReport {

    private KernelReport() {
    }

    public static void main(String[] args) throws RunnerException {
        // Probe GFLOP/s by thread count. AverageTime is the time of one invocation on one thread,
        // and every thread runs its own invocations.
        SortedMap<Integer, Double> peaks = new TreeMap<>();
        for (RunResult r : run(PeakBenchmark.class.getSimpleName())) {
            int threads = r.getParams().getThreads();
            double us = r.getPrimaryResult().getScore();
            peaks.put(threads, threads * PeakBenchmark.ITERATIONS * (double) dev.rnn4j.kernel.VectorFmaProbe.flopsPerIteration()
                    / (us * 1e3));
        }
        double peak = peaks.getOrDefault(1, Double.NaN);
        System.out.printf(Locale.ROOT, "peak (vector FMA, 1 core): %.1f GFLOP/s%n", peak);
        peaks.tailMap(2).forEach((threads, gflops) -> System.out.printf(Locale.ROOT,
                "peak (vector FMA, %d threads together): %.1f GFLOP/s (%.2f x one core)%n", threads, gflops, gflops / peak));
        System.out.printf(Locale.ROOT, "%-18s %12s %10s %8s%n", "shape", "us", "GFLOP/s", "% peak");
        for (RunResult r : run(GemmBenchmark.class.getSimpleName())) {
            String shape = r.getParams().getParam("shape");
            double us = r.getPrimaryResult().getScore();
            double gflops = GemmBenchmark.flop(shape) / (us * 1e3);
            System.out.printf(Locale.ROOT, "%-18s %12.1f %10.1f %7.1f%%%n", shape, us, gflops, 100 * gflops / peak);
        }
        for (String include : args) {
            for (RunResult r : run(include)) {
                System.out.printf(Locale.ROOT, "%-40s %12.3f %s%n", r.getParams().getBenchmark(),
                        r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreUnit());
            }
        }
    }

    private static Collection<RunResult> run(String include) throws RunnerException {
        Options o = new OptionsBuilder().include(include).build();
        return new Runner(o).run();
    }
}
