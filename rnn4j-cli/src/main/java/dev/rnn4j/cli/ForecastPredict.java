package dev.rnn4j.cli;

import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.rnn.RnnModelFile;
import dev.rnn4j.forecast.rnn.TrainedRnn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rnn4j forecast predict}: loads a forecaster saved by {@code forecast train} and forecasts the
 * next steps after the end of each series in the CSV, as CSV lines {@code series,step,forecast}.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Forecast the steps after the end of each series with a saved RNN forecaster.")
final class ForecastPredict implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ForecastSeriesOptions input;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Directory or .zip written by forecast train.")
    Path model;

    @Option(names = "--horizon", defaultValue = "0", description = "Steps to forecast; 0: the horizon it was trained for.")
    int horizon;

    @Override
    public Integer call() throws Exception {
        common.validate();
        TrainedRnn trained;
        try (ForecastProgress progress = new ForecastProgress(spec.commandLine().getErr(), "predict")) {
            trained = RnnModelFile.load(model);
            progress.onProgress("loaded " + model, 1, 2);
            List<TimeSeries> series = input.read();
            int h = horizon > 0 ? horizon : trained.fitted().horizon();
            List<double[]> forecasts = trained.forecast(series, h);
            progress.onProgress("forecast", 2, 2);
            print(series, forecasts);
        }
        return ExitCodes.OK;
    }

    private void print(List<TimeSeries> series, List<double[]> forecasts) {
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < series.size(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("series", series.get(i).id());
                row.put("forecast", forecasts.get(i));
                rows.add(row);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("command", "predict");
            result.put("model", model.toAbsolutePath().toString());
            result.put("forecasts", rows);
            out.println(Json.line(result));
        } else {
            out.println("series,step,forecast");
            for (int i = 0; i < series.size(); i++) {
                double[] f = forecasts.get(i);
                for (int k = 0; k < f.length; k++) {
                    out.printf(Locale.ROOT, "%s,%d,%.6g%n", series.get(i).id(), k + 1, f[k]);
                }
            }
        }
        out.flush();
    }
}
