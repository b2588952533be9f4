package dev.rnn4j.cli;

import dev.rnn4j.forecast.api.BacktestOutcome;
import dev.rnn4j.forecast.api.BacktestRequest;
import dev.rnn4j.forecast.api.BacktestRunner;
import dev.rnn4j.forecast.api.ResultJson;
import dev.rnn4j.forecast.eval.ModelResult;
import dev.rnn4j.forecast.eval.RetrainPolicy;
import dev.rnn4j.forecast.eval.WindowKind;
import dev.rnn4j.forecast.model.Forecaster;
import dev.rnn4j.forecast.rnn.RnnForecaster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code rnn4j forecast backtest}: the RNN forecaster against every baseline on the same walk-forward
 * folds; options map one to one onto {@link BacktestRequest}.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Walk-forward backtest of the RNN forecaster against the baselines, with an HTML report.")
final class ForecastBacktest implements Callable<Integer> {

    /** Where --demo writes its report when --report is not given. */
    static final Path DEMO_REPORT = Path.of("rnn4j-demo-report.html");

    @Mixin
    CommonOptions common;

    @Mixin
    RnnOptions rnn;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "CSV file: a header row, a time column, one or more numeric columns.")
    Path data;

    @Option(names = "--demo", description = "Use the bundled monthly sunspots series (1749 on).")
    boolean demo;

    @Mixin
    SeriesColumns columns;

    @Option(names = "--covariates", split = ",", description = "Covariate columns, comma-separated.")
    List<String> covariates;

    @Option(names = "--horizon", defaultValue = "0", description = "Steps per fold; 0: one season, or a tenth of the data up to 12.")
    int horizon;

    @Option(names = "--folds", defaultValue = "0", description = "Forecast origins; 0: 3, fewer for short data.")
    int folds;

    @Option(names = "--season", defaultValue = "0", description = "Season length; 0: inferred from the time column.")
    int season;

    @Option(names = "--step", defaultValue = "0", description = "Steps between origins; 0: the horizon.")
    int step;

    @Option(names = "--window", defaultValue = "expanding", description = "expanding or sliding (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--train-window", defaultValue = "0", description = "Training length of a sliding window.")
    int trainWindow;

    @Option(names = "--retrain", defaultValue = "every-fold", description = "every-fold or first-fold-only (default: ${DEFAULT-VALUE}).")
    String retrain;

    @Option(names = "--baselines", split = ",", description = "Baselines to run (default: all).")
    List<String> baselines;

    @Option(names = "--no-rnn", description = "Run the baselines only.")
    boolean noRnn;

    @Option(names = "--shuffle", description = "Refused: a time series is split walk-forward, never shuffled.")
    boolean shuffle;

    @Option(names = "--report", description = "HTML report to write (default with --demo: " + "rnn4j-demo-report.html).")
    Path report;

    @Override
    public Integer call() throws Exception {
        common.validate();
        if (data != null && demo) {
            throw new CliException(ExitCodes.USAGE, "Give either --data FILE or --demo, not both.");
        }
        Path reportFile = report != null ? report : (demo ? DEMO_REPORT : null);
        List<Forecaster> candidates = noRnn ? List.of() : List.of(new RnnForecaster(rnn.config(common.threads)));
        BacktestRequest request = new BacktestRequest(data, demo, columns.target, columns.time, columns.series, covariates, horizon, folds, season,
                step, choice(WindowKind.class, "--window", window), trainWindow,
                choice(RetrainPolicy.class, "--retrain", retrain), columns.fillPolicy(), baselines, candidates, shuffle,
                common.seed, reportFile == null ? null : reportFile.toAbsolutePath());
        BacktestOutcome outcome;
        try (ForecastProgress progress = new ForecastProgress(spec.commandLine().getErr(), "backtest")) {
            outcome = BacktestRunner.run(request, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(ResultJson.backtest(outcome));
        } else {
            print(out, outcome);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, BacktestOutcome o) {
        var r = o.result();
        out.printf(Locale.ROOT, "%s: horizon %d, %d folds, %s window, retrain %s%n", r.source(), r.plan().horizon(),
                r.plan().folds(), lower(r.plan().window()), lower(r.plan().retrain()));
        out.printf(Locale.ROOT, "%-16s %12s %12s %9s %9s %8s %9s%n", "model", "mae", "rmse", "mape", "smape", "mase", "seconds");
        for (String name : r.ranking().order()) {
            ModelResult m = r.model(name);
            var s = m.mean();
            out.printf(Locale.ROOT, "%-16s %12.4f %12.4f %9.3f %9.3f %8.3f %9.1f%n", name + (m.baseline() ? "" : " *"),
                    s.mae(), s.rmse(), s.mape(), s.smape(), s.mase(), m.seconds());
        }
        out.println(r.ranking().verdict());
        r.warnings().forEach(w -> out.println("warning: " + w));
        if (o.report() != null) {
            out.println("Report: " + o.report());
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses an option value such as "every-fold" into the enum constant EVERY_FOLD. */
    static <E extends Enum<E>> E choice(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(ForecastBacktest::lower).toList();
            throw new CliException(ExitCodes.USAGE, option + " must be one of " + String.join(", ", allowed) + ", got '"
                    + value + "'.");
        }
    }
}
