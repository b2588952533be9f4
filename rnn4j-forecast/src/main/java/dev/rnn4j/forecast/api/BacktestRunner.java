package dev.rnn4j.forecast.api;

import dev.rnn4j.forecast.data.CsvSeriesReader;
import dev.rnn4j.forecast.data.CsvSpec;
import dev.rnn4j.forecast.data.SeriesSet;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.eval.Backtest;
import dev.rnn4j.forecast.eval.BacktestPlan;
import dev.rnn4j.forecast.eval.BacktestResult;
import dev.rnn4j.forecast.model.Forecaster;
import dev.rnn4j.forecast.model.Scaling;
import dev.rnn4j.forecast.prep.SaturationCheck;
import dev.rnn4j.forecast.report.HtmlReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The facade behind {@code rnn4j forecast backtest}: reads the data, fills in defaults from it,
 * refuses unsafe setups, runs the walk-forward backtest of the candidates against the baselines and
 * writes the report.
 */
public final class BacktestRunner {

    /** Resource path of the bundled demo series. */
    public static final String DEMO_RESOURCE = "/dev/rnn4j/forecast/demo/sunspots_monthly.csv";
    private static final int DEFAULT_FOLDS = 3;
    private static final int MAX_DEFAULT_HORIZON = 52;

    private BacktestRunner() {
    }

    public static BacktestOutcome run(BacktestRequest request, ProgressListener progress) throws IOException {
        if (request.shuffle()) {
            throw new IllegalArgumentException("A shuffled train/test split of a time series trains on the future and "
                    + "tests on the past, so rnn4j backtests walk forward only; drop the shuffle option.");
        }
        SeriesSet data = read(request);
        List<TimeSeries> series = data.series();
        List<String> warnings = new ArrayList<>();
        List<Forecaster> baselines = ModelCatalog.baselines(request.baselines(), warnings);
        BacktestPlan plan = plan(request, series, baselines);
        warnings.addAll(saturationWarnings(request.candidates(), series, plan));
        AtomicInteger done = new AtomicInteger();
        int total = (baselines.size() + request.candidates().size()) * plan.folds();
        BacktestResult result = Backtest.run(data.source(), series, plan, baselines, request.candidates(), warnings,
                p -> progress.onProgress(p.model() + ", fold " + p.fold() + "/" + p.folds(), done.incrementAndGet(),
                        total));
        if (request.report() != null) {
            HtmlReport.write(result, request.report());
        }
        return new BacktestOutcome(result, request.report());
    }

    static SeriesSet read(BacktestRequest r) throws IOException {
        if (r.demo() && r.data() == null) {
            CsvSpec spec = CsvSpec.target("sunspots", "month");
            try (InputStream in = BacktestRunner.class.getResourceAsStream(DEMO_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The demo data " + DEMO_RESOURCE + " is missing from the jar.");
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    return CsvSeriesReader.read(reader, "sunspots_monthly.csv", spec);
                }
            }
        }
        List<String> targets = r.target() == null ? List.of() : List.of(r.target());
        CsvSpec spec = new CsvSpec(targets, r.time(), r.series(), r.covariates(), r.season(), r.fill());
        return CsvSeriesReader.read(r.data(), spec);
    }

    /**
     * Defaults: the season from the data; the horizon one season (at most 52 steps: a year of
     * weeks, not a year of trading days), or a tenth of the shortest series capped at 12 when there
     * is no season; 3 folds, fewer when the shortest series cannot hold them
     * (the backtest then reports a series too short even for one).
     */
    static BacktestPlan plan(BacktestRequest r, List<TimeSeries> series, List<Forecaster> baselines) {
        int n = series.stream().mapToInt(TimeSeries::length).min().orElse(0);
        int m = r.season() > 0 ? r.season() : series.get(0).frequency();
        int horizon = r.horizon() > 0 ? r.horizon() : (m > 1 ? Math.min(m, MAX_DEFAULT_HORIZON)
                : Math.max(1, Math.min(12, n / 10)));
        int step = r.step() > 0 ? r.step() : horizon;
        int folds = r.folds();
        if (folds == 0) {
            List<Forecaster> all = new ArrayList<>(baselines);
            all.addAll(r.candidates());
            int need = Math.max(2 * Math.max(m, 2),
                    all.stream().mapToInt(f -> f.minTrainingLength(horizon)).max().orElse(1));
            folds = DEFAULT_FOLDS;
            while (folds > 1 && n - horizon - (folds - 1) * step < need) {
                folds--;
            }
        }
        return new BacktestPlan(horizon, folds, step, r.window(), r.trainWindow(), r.retrain(), r.season(), r.seed());
    }

    private static List<String> saturationWarnings(List<Forecaster> candidates, List<TimeSeries> series,
                                                   BacktestPlan plan) {
        List<String> out = new ArrayList<>();
        for (Forecaster c : candidates) {
            boolean scaled = c.inputScaling() == Scaling.ZSCORE;
            int train = series.stream().mapToInt(s -> plan.origin(s.length(), 0)).min().orElse(1);
            for (String w : SaturationCheck.warnings(series, scaled, train)) {
                if (!out.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
