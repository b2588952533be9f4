package dev.rnn4j.bench;

/**
 * One whole-sequence workload behind a public constructor and one public method, so that
 * {@link BuildComparison} can create it by reflection inside another build's class loader (where it
 * reaches that build's package-private {@link SequenceBench}). Only the members used there may
 * change shape: a baseline build that lacks this class gets the current one, compiled against
 * {@code SequenceBench(Workload, int)}, {@code train()} and {@code infer()}.
 */
public final class WorkloadRunner {

    private final SequenceBench bench;
    private final boolean train;
    private final int batch;
    /** The sum of every iteration's result, kept in a field so no iteration can be optimised away. */
    private double sink;

    public WorkloadRunner(String config, String mode, int threads) {
        Workload w = Workload.of(config);
        if (w.streaming() || !(mode.equals("train") || mode.equals("infer"))) {
            throw new IllegalArgumentException("a build comparison runs configs A-F in mode train or infer, got "
                    + config + " " + mode + ".");
        }
        this.bench = new SequenceBench(w, threads);
        this.train = mode.equals("train");
        this.batch = w.batch();
    }

    /** Runs whole iterations for at least {@code minMillis}; returns sequences per second. */
    public double sequencesPerSecond(double minMillis) {
        long start = System.nanoTime();
        long minNanos = (long) (minMillis * 1e6);
        int iterations = 0;
        do {
            sink += train ? bench.train() : bench.infer();
            iterations++;
        } while (System.nanoTime() - start < minNanos);
        return (double) iterations * batch / ((System.nanoTime() - start) / 1e9);
    }
}
