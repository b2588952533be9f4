package dev.rnn4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn4j forecast train|backtest|predict|benchmark}: time-series forecasting from CSV files. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Time-series forecasting: walk-forward backtests against baselines, competition benchmarks, "
                + "training and predicting with the RNN forecaster.",
        subcommands = {ForecastBacktest.class, ForecastBenchmark.class, ForecastTrain.class, ForecastPredict.class})
final class ForecastCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing action: choose one of backtest, benchmark, train, predict.");
    }
}
