package dev.rnn4j.cli;

import dev.rnn4j.bench.BenchMain;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j bench}: the side-by-side benchmark workloads (configs A–F, streaming S1/S2), one
 * JSON line per result in the schema the comparison kit reads. The work is done by
 * {@link BenchMain}; this command only maps its options.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark workloads: LSTM/GRU/RNN training and inference (configs A-F) and batch-1 streaming (S1, S2).",
                "Prints one JSON line per result; logs go to stderr."})
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, description = "Workload: A, B, C, D, E, F, S1 or S2.")
    String config;

    @Option(names = "--mode", description = "train, infer or stream, or a comma-separated list (default: train,infer; stream for S1/S2).")
    String mode;

    @Option(names = "--threads", defaultValue = "1", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--reps", description = "Timed repetitions (default 5).")
    Integer reps;

    @Option(names = "--max-seconds", description = "Time budget of the timed part of one measurement (default 3).")
    Double maxSeconds;

    @Option(names = "--json", description = "Accepted for uniformity: results are always JSON lines.")
    boolean json;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of("--config", config, "--threads", Integer.toString(threads)));
        if (mode != null) {
            args.addAll(List.of("--mode", mode));
        }
        if (reps != null) {
            args.addAll(List.of("--reps", reps.toString()));
        }
        if (maxSeconds != null) {
            args.addAll(List.of("--max-seconds", maxSeconds.toString()));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = BenchMain.run(args.toArray(String[]::new), out, err);
        return status == 2 ? ExitCodes.USAGE : status;
    }
}
