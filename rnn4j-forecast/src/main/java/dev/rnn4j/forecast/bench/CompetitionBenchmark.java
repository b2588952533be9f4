package dev.rnn4j.forecast.bench;

import dev.rnn4j.forecast.data.CompetitionReader;
import dev.rnn4j.forecast.data.CompetitionSeries;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.eval.MetricSet;
import dev.rnn4j.forecast.eval.Metrics;
import dev.rnn4j.forecast.model.FitContext;
import dev.rnn4j.forecast.model.Forecaster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The competition protocol: every model is fitted on the {@code train} parts of one period's series
 * (a global model sees all of them at once), forecasts {@code h} steps from each training series,
 * and is scored against {@code test}. Scores are means over series of the per-series sMAPE, MASE
 * (seasonal naive scale on the training part) and MAPE, per period and over all series.
 */
public final class CompetitionBenchmark {

    /** Progress: one call per (model, period) finished. */
    public record Progress(String model, String period, int done, int total) {
    }

    private CompetitionBenchmark() {
    }

    public static BenchmarkResult run(Suite suite, Path dir, List<Forecaster> models, long seed,
                                      Consumer<Progress> progress) throws IOException {
        Map<String, List<CompetitionSeries>> byPeriod = load(suite, dir);
        Map<String, List<PeriodScore>> scores = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        int total = models.size() * byPeriod.size();
        int done = 0;
        for (Forecaster model : models) {
            model.checkCausal();
            long start = System.nanoTime();
            List<PeriodScore> rows = new ArrayList<>();
            List<MetricSet> all = new ArrayList<>();
            for (Map.Entry<String, List<CompetitionSeries>> e : byPeriod.entrySet()) {
                List<MetricSet> perSeries = score(model, e.getValue(), seed);
                rows.add(mean(e.getKey(), perSeries));
                all.addAll(perSeries);
                progress.accept(new Progress(model.name(), e.getKey(), ++done, total));
            }
            rows.add(mean("ALL", all));
            scores.put(model.name(), rows);
            seconds.put(model.name(), (System.nanoTime() - start) / 1e9);
        }
        return new BenchmarkResult(suite, List.copyOf(byPeriod.keySet()), scores, ReferenceTables.read(suite, dir),
                seconds);
    }

    /** The suite's series grouped by period, in the suite's file order. */
    public static Map<String, List<CompetitionSeries>> load(Suite suite, Path dir) throws IOException {
        Map<String, List<CompetitionSeries>> byPeriod = new LinkedHashMap<>();
        for (String name : suite.files()) {
            Path file = dir.resolve(name);
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString(), null, "the " + suite.name().toLowerCase(java.util.Locale.ROOT)
                        + " suite expects " + String.join(", ", suite.files()) + " in this directory");
            }
            for (CompetitionSeries s : CompetitionReader.read(file)) {
                byPeriod.computeIfAbsent(s.period(), k -> new ArrayList<>()).add(s);
            }
        }
        return byPeriod;
    }

    /** Per series metrics. */
    private static List<MetricSet> score(Forecaster model, List<CompetitionSeries> series, long seed) {
        int h = series.get(0).horizon();
        for (CompetitionSeries s : series) {
            if (s.horizon() != h) {
                throw new IllegalArgumentException("Period " + s.period() + " mixes horizons: series " + s.train().id()
                        + " has h=" + s.horizon() + ", the first series h=" + h + "; the protocol fits one model per "
                        + "period and horizon.");
            }
        }
        List<TimeSeries> train = series.stream().map(CompetitionSeries::train).toList();
        FitContext ctx = new FitContext(h, 0, seed);
        Forecaster.Fitted fitted = model.fit(train, ctx);
        List<double[]> forecasts = fitted.forecastAll(train, h);
        List<MetricSet> out = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            CompetitionSeries s = series.get(i);
            double[] actual = s.test();
            double[] f = forecasts.get(i);
            double[] insample = s.train().valuesView();
            int m = s.train().frequency();
            out.add(Metrics.all(actual, f, insample, m));
        }
        return out;
    }

    private static PeriodScore mean(String period, List<MetricSet> perSeries) {
        return new PeriodScore(period, perSeries.size(), MetricSet.mean(perSeries));
    }
}
