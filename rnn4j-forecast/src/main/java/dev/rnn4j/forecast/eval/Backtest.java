package dev.rnn4j.forecast.eval;

import dev.rnn4j.forecast.data.InvalidDataException;
import dev.rnn4j.forecast.data.Origin;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.model.FitContext;
import dev.rnn4j.forecast.model.Forecaster;
import dev.rnn4j.forecast.model.Scaling;
import dev.rnn4j.forecast.prep.ZScore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walk-forward backtest: every model sees exactly the same folds. Per fold, each series is cut at
 * the fold's origin, the scaler is fitted on that training part only, the model is fitted (or not,
 * by the retrain policy) and forecasts the horizon, which is scored against what followed.
 */
public final class Backtest {

    /** Progress: one call per (model, fold) finished. */
    public record Progress(String model, int fold, int folds) {
    }

    private Backtest() {
    }

    /**
     * @param baselines models the candidates must beat
     * @param candidates models under evaluation (may be empty)
     */
    public static BacktestResult run(String source, List<TimeSeries> series, BacktestPlan plan,
                                     List<Forecaster> baselines, List<Forecaster> candidates, List<String> warnings,
                                     Consumer<Progress> progress) {
        List<Forecaster> all = new ArrayList<>(candidates);
        all.addAll(baselines);
        for (Forecaster f : all) {
            f.checkCausal();
        }
        int need = all.stream().mapToInt(f -> f.minTrainingLength(plan.horizon())).max().orElse(1);
        for (TimeSeries s : series) {
            checkLength(s, plan, Math.max(2, need));
        }
        List<ModelResult> results = new ArrayList<>();
        for (Forecaster f : all) {
            results.add(runOne(f, !candidates.contains(f), series, plan, progress));
        }
        return new BacktestResult(source, plan, results, Ranking.of(results), warnings, series);
    }

    private static ModelResult runOne(Forecaster model, boolean baseline, List<TimeSeries> series, BacktestPlan plan,
                                      Consumer<Progress> progress) {
        long start = System.nanoTime();
        List<FoldForecast> out = new ArrayList<>();
        List<MetricSet> metrics = new ArrayList<>();
        Forecaster.Fitted fitted = null;
        List<List<Forecaster.LossPoint>> curves = new ArrayList<>();
        for (int k = 0; k < plan.folds(); k++) {
            List<TimeSeries> train = new ArrayList<>();
            List<ZScore> scalers = new ArrayList<>();
            for (TimeSeries s : series) {
                TimeSeries part = s.slice(plan.trainStart(s.length(), k), plan.origin(s.length(), k));
                ZScore z = model.inputScaling() == Scaling.ZSCORE ? ZScore.fit(part.valuesView()) : null;
                scalers.add(z);
                train.add(z == null ? part : part.withValues(z.transform(part.valuesView())));
            }
            if (fitted == null || plan.retrain() == RetrainPolicy.EVERY_FOLD) {
                fitted = model.fit(train, new FitContext(plan.horizon(), plan.seasonPeriod(), plan.seed()));
                if (fitted instanceof Forecaster.TrainingHistory history) {
                    curves.add(history.lossHistory());
                }
            }
            List<double[]> forecasts = fitted.forecastAll(train, plan.horizon());
            for (int i = 0; i < series.size(); i++) {
                TimeSeries s = series.get(i);
                int origin = plan.origin(s.length(), k);
                double[] f = scalers.get(i) == null ? forecasts.get(i) : scalers.get(i).inverse(forecasts.get(i));
                double[] actual = s.slice(origin, origin + plan.horizon()).valuesView();
                double[] insample = s.slice(plan.trainStart(s.length(), k), origin).valuesView();
                int m = plan.seasonPeriod() > 0 ? plan.seasonPeriod() : s.frequency();
                MetricSet ms = Metrics.all(actual, f, insample, m);
                metrics.add(ms);
                out.add(new FoldForecast(k, s.id(), origin, f, actual, ms));
            }
            progress.accept(new Progress(model.name(), k + 1, plan.folds()));
        }
        java.util.Map<String, String> card = new java.util.LinkedHashMap<>(model.modelCard());
        if (fitted instanceof Forecaster.TrainingHistory history) {
            card.putAll(history.fittedCard());
        }
        return new ModelResult(model.name(), baseline, MetricSet.mean(metrics), out, (System.nanoTime() - start) / 1e9,
                card, curves);
    }

    private static void checkLength(TimeSeries s, BacktestPlan plan, int minTrain) {
        int firstOrigin = plan.origin(s.length(), 0);
        int firstTrain = firstOrigin - plan.trainStart(s.length(), 0);
        if (firstOrigin < 0 || firstTrain < minTrain) {
            int needed = minTrain + plan.horizon() + (plan.folds() - 1) * plan.step();
            Origin o = s.origin();
            throw new InvalidDataException(o.file(), o.firstLine(), o.column(), "series '" + s.id() + "' has "
                    + s.length() + " values" + (o.lastLine() > 0 ? " (up to line " + o.lastLine() + ")" : "")
                    + ", too few for a training part of " + minTrain + " (lookback + horizon) and " + plan.folds()
                    + " fold(s) of horizon " + plan.horizon() + " every " + plan.step() + " steps, which need "
                    + needed + "; lower the folds, the horizon or the lookback");
        }
    }
}
