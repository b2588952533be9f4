package dev.rnn4j.cli;

import dev.rnn4j.forecast.api.BenchmarkRequest;
import dev.rnn4j.forecast.api.BenchmarkRunner;
import dev.rnn4j.forecast.api.ResultJson;
import dev.rnn4j.forecast.bench.BenchmarkResult;
import dev.rnn4j.forecast.bench.BenchmarkTable;
import dev.rnn4j.forecast.bench.Suite;
import dev.rnn4j.forecast.model.Forecaster;
import dev.rnn4j.forecast.rnn.RnnForecaster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rnn4j forecast benchmark}: the M3 or Tourism protocol (fit on {@code train}, forecast
 * {@code h}, score against {@code test}), our rows printed beside the published ones; options map
 * onto {@link BenchmarkRequest}.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Competition benchmark (M3 or Tourism) of the RNN forecaster and the baselines.")
final class ForecastBenchmark implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    RnnOptions rnn;

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", required = true, description = "m3 or tourism.")
    String suite;

    @Option(names = "--data", required = true, description = "Directory with the suite's CSV files and reference tables.")
    Path data;

    @Option(names = "--baselines", split = ",", description = "Baselines to run (default: all).")
    List<String> baselines;

    @Option(names = "--no-rnn", description = "Run the baselines only.")
    boolean noRnn;

    @Override
    public Integer call() throws Exception {
        common.validate();
        List<Forecaster> candidates = noRnn ? List.of() : List.of(new RnnForecaster(rnn.config(common.threads)));
        BenchmarkRequest request = new BenchmarkRequest(ForecastBacktest.choice(Suite.class, "--suite", suite), data,
                baselines, candidates, common.seed);
        List<String> warnings = new ArrayList<>();
        BenchmarkResult result;
        try (ForecastProgress progress = new ForecastProgress(spec.commandLine().getErr(), "benchmark")) {
            result = BenchmarkRunner.run(request, progress, warnings);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(ResultJson.benchmark(result, warnings));
        } else {
            out.print(BenchmarkTable.format(result));
            warnings.forEach(w -> out.println("warning: " + w));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
