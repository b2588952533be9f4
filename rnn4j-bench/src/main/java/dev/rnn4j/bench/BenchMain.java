package dev.rnn4j.bench;

import dev.rnn4j.kernel.KernelProvider;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The side-by-side benchmark entry point, the engine of {@code rnn4j bench}:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... dev.rnn4j.bench.BenchMain \
 *      --config A|B|C|D|E|F|S1|S2 --mode train|infer|stream --threads N --json [--reps R] [--max-seconds S]
 * </pre>
 *
 * Prints one JSON result line per mode on stdout in the kit's schema (peer "rnn4j"); logs go to
 * stderr. {@code --mode} takes a comma-separated list. Exit status 0 on success, 2 on bad usage.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** Parsed command line. */
    record Options(Workload workload, String[] modes, int threads, int reps, double maxSeconds) {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the benchmark the arguments describe, printing result lines to {@code out} and logs to
     * {@code err}; returns the exit status (0, or 2 on bad usage). {@code rnn4j bench} calls this.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.flush();
            return 2;
        }
        err.println("bench: kernels " + KernelProvider.get().name() + ", java " + Runtime.version());
        err.flush();
        for (String mode : o.modes()) {
            out.println(run(o, mode));
            out.flush();
        }
        return 0;
    }

    static Options parse(String[] args) {
        String config = null;
        String modes = null;
        int threads = 1;
        int reps = 5;
        double maxSeconds = 3;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> { }
                case "--config" -> config = value(args, ++i, a);
                case "--mode" -> modes = value(args, ++i, a);
                case "--threads" -> threads = positive(value(args, ++i, a), a);
                case "--reps" -> reps = positive(value(args, ++i, a), a);
                case "--max-seconds" -> maxSeconds = Double.parseDouble(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option '" + a
                        + "'; expected --config, --mode, --threads, --json, --reps, --max-seconds.");
            }
        }
        if (config == null) {
            throw new IllegalArgumentException("--config is required (A, B, C, D, E, F, S1 or S2).");
        }
        Workload w = Workload.of(config);
        String[] list = (modes == null ? (w.streaming() ? "stream" : "train,infer") : modes)
                .toLowerCase(Locale.ROOT).split(",");
        for (String m : list) {
            boolean ok = w.streaming() ? m.equals("stream") : m.equals("train") || m.equals("infer");
            if (!ok) {
                throw new IllegalArgumentException("--mode " + m + " does not apply to config " + w.name()
                        + "; expected " + (w.streaming() ? "stream" : "train or infer") + ".");
            }
        }
        return new Options(w, list, threads, reps, maxSeconds);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    private static int positive(String s, String option) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(option + " must be a positive integer, got '" + s + "'.");
    }

    static String run(Options o, String mode) {
        Workload w = o.workload();
        JsonLine line = header(w, mode, o.threads());
        if (mode.equals("stream")) {
            StreamBench.Result r = new StreamBench(w, o.threads()).measure(o.maxSeconds());
            return line.put("variant", "state").put("steps", r.steps()).put("us_median", r.median())
                    .put("us_mean", r.mean()).put("us_p10", r.p10()).put("us_p90", r.p90())
                    .put("alloc_bytes_per_step", r.allocatedBytesPerStep())
                    .put("steps_per_s", 1e6 / r.median()).put("gflops", w.stepFlop() / (r.median() * 1e3))
                    .toString();
        }
        SequenceBench bench = new SequenceBench(w, o.threads());
        Timing timing = new Timing(3.0, o.reps(), o.maxSeconds());
        double[] sink = new double[1];
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Runnable iteration = mode.equals("train") ? () -> sink[0] += bench.train() : () -> sink[0] += bench.infer();
        Timing.Result r = timing.measure(iteration);
        // Heap allocated by one more iteration on this thread: large values mean vectors were boxed.
        long before = mx.getCurrentThreadAllocatedBytes();
        iteration.run();
        double allocatedMb = (mx.getCurrentThreadAllocatedBytes() - before) / 1e6;
        if (!Double.isFinite(sink[0])) {
            System.err.println("bench: warning, non-finite result " + sink[0]);
        }
        double gflop = mode.equals("train") ? w.trainGflop() : w.forwardGflop();
        double s = r.median();
        return line.put("ms_median", s * 1e3).put("ms_min", r.min() * 1e3).put("ms_max", r.max() * 1e3)
                .put("reps", r.perIteration().length).put("inner", r.inner())
                .put("seq_per_s", w.batch() / s).put("steps_per_s", (double) w.batch() * w.time() / s)
                .put("gflop_per_iter", gflop).put("gflops", gflop / s).put("alloc_mb_per_iter", allocatedMb).toString();
    }

    private static JsonLine header(Workload w, String mode, int threads) {
        boolean stream = mode.equals("stream");
        return new JsonLine().put("bench", stream ? "stream" : "rnn").put("peer", "rnn4j").put("version", dev.rnn4j.Rnn4j.version())
                .put("config", w.name()).put("cell", w.cellName())
                .put("B", w.batch()).put("T", w.time()).put("I", w.input()).put("H", w.hidden()).put("L", w.layers())
                .put("bidir", w.bidirectional()).put("mode", mode).put("threads", threads)
                .put("kernels", KernelProvider.get().name());
    }
}
