package dev.rnn4j.cli;

import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.model.FitContext;
import dev.rnn4j.forecast.rnn.RnnDrift;
import dev.rnn4j.forecast.rnn.RnnForecaster;
import dev.rnn4j.forecast.rnn.RnnModelFile;
import dev.rnn4j.forecast.rnn.TrainedRnn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rnn4j forecast train}: fits the RNN forecaster on every value of every series (z-scored per
 * series) and saves it, with its scalers and the first member's drift profile (for
 * {@code rnn4j model drift}), as a model directory or {@code .zip}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the RNN forecaster on a CSV and save it (weights, config and per-series scalers).")
final class ForecastTrain implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ForecastSeriesOptions input;

    @Mixin
    RnnOptions rnn;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Directory (or .zip file) to save the forecaster to.")
    Path model;

    @Option(names = "--horizon", defaultValue = "0", description = "Steps to forecast; 0: one season, or a tenth of the data up to 12.")
    int horizon;

    @Override
    public Integer call() throws Exception {
        common.validate();
        List<TimeSeries> series = input.read();
        int m = input.season > 0 ? input.season : series.get(0).frequency();
        int shortest = series.stream().mapToInt(TimeSeries::length).min().orElse(0);
        int h = horizon > 0 ? horizon : (m > 1 ? Math.min(m, 52) : Math.max(1, Math.min(12, shortest / 10)));
        RnnForecaster forecaster = new RnnForecaster(rnn.config(common.threads));
        forecaster.checkCausal();
        TrainedRnn trained;
        try (ForecastProgress progress = new ForecastProgress(spec.commandLine().getErr(), "train")) {
            progress.onProgress("training " + series.size() + " series", 0, 1);
            trained = TrainedRnn.train(forecaster, series, new FitContext(h, input.season, common.seed));
            progress.onProgress("trained", 1, 1);
        }
        RnnModelFile.save(model, trained);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", "train");
        summary.put("model", model.toAbsolutePath().toString());
        summary.put("series", series.size());
        summary.put("horizon", h);
        summary.put("max_trained_length", trained.fitted().maxTrainedLength());
        summary.put("model_card", trained.fitted().card());
        summary.put("drift_profile", driftSummary(trained));
        if (common.json) {
            out.println(Json.line(summary));
        } else {
            out.printf("Trained the RNN forecaster on %d series for horizon %d; saved to %s%n", series.size(), h,
                    model.toAbsolutePath());
            trained.fitted().card().forEach((k, v) -> out.println("  " + k + ": " + v));
            out.println("  drift profile: " + driftSummary(trained));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** What the card's drift profile ({@code rnn4j model drift}) was measured on, or why there is none. */
    private static String driftSummary(TrainedRnn trained) {
        if (trained.drift() == null) {
            return "none (fewer than " + dev.rnn4j.monitor.NormProfile.BINS + " steps in the reference windows)";
        }
        return "member " + RnnDrift.MEMBER + ", " + trained.drift().at("/layers/0/count").asLong() + " steps of its "
                + trained.drift().path("measured_on").asText() + " windows";
    }
}
