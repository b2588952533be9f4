package dev.rnn4j.forecast.api;

import dev.rnn4j.forecast.data.FillPolicy;
import dev.rnn4j.forecast.eval.RetrainPolicy;
import dev.rnn4j.forecast.eval.WindowKind;
import dev.rnn4j.forecast.model.Forecaster;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code rnn4j forecast backtest} can be asked, one field per command-line option.
 * Zero or null means "pick a sensible default from the data".
 *
 * @param data        CSV file, or null with {@code demo}
 * @param demo        use the bundled monthly sunspots series (--demo)
 * @param target      target column (--target); null: every numeric column
 * @param time        time column (--time)
 * @param series      series-id column for long format (--series)
 * @param covariates  covariate columns (--covariates)
 * @param horizon     steps per fold (--horizon); 0: one season, or 10% of the data capped at 12
 * @param folds       forecast origins (--folds); 0: 3, fewer if the data is short
 * @param season      season length (--season); 0: inferred from the time column
 * @param step        distance between origins (--step); 0: the horizon
 * @param window      expanding or sliding (--window)
 * @param trainWindow sliding window length (--train-window)
 * @param retrain     retrain policy (--retrain)
 * @param fill        missing-value policy (--fill)
 * @param baselines   baseline names (--baselines); empty: all
 * @param candidates  models under evaluation (the RNN forecaster; none for a baselines-only run)
 * @param shuffle     a shuffled split was asked for (--shuffle): always refused for time series
 * @param seed        seed (--seed)
 * @param report      HTML report file to write (--report), or null for none
 */
public record BacktestRequest(Path data, boolean demo, String target, String time, String series,
                              List<String> covariates, int horizon, int folds, int season, int step,
                              WindowKind window, int trainWindow, RetrainPolicy retrain, FillPolicy fill,
                              List<String> baselines, List<Forecaster> candidates, boolean shuffle, long seed,
                              Path report) {

    public BacktestRequest {
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        baselines = baselines == null ? List.of() : List.copyOf(baselines);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        window = window == null ? WindowKind.EXPANDING : window;
        retrain = retrain == null ? RetrainPolicy.EVERY_FOLD : retrain;
        fill = fill == null ? FillPolicy.ERROR : fill;
        if (data == null && !demo) {
            throw new IllegalArgumentException("Give a data file (--data FILE) or ask for the demo (--demo).");
        }
        if (horizon < 0 || folds < 0 || season < 0 || step < 0 || trainWindow < 0) {
            throw new IllegalArgumentException("horizon, folds, season, step and train-window must not be negative.");
        }
    }

    /** A request for one target column with every default. */
    public static BacktestRequest of(Path data, String target, String time) {
        return new BacktestRequest(data, false, target, time, null, List.of(), 0, 0, 0, 0, null, 0, null, null,
                List.of(), List.of(), false, 42L, null);
    }

    /** The bundled sunspots demo, writing its report to {@code report}. */
    public static BacktestRequest demo(Path report) {
        return new BacktestRequest(null, true, null, null, null, List.of(), 0, 0, 0, 0, null, 0, null, null,
                List.of(), List.of(), false, 42L, report);
    }

    public BacktestRequest withCandidates(List<Forecaster> models) {
        return new BacktestRequest(data, demo, target, time, series, covariates, horizon, folds, season, step, window,
                trainWindow, retrain, fill, baselines, models, shuffle, seed, report);
    }

    public BacktestRequest withReport(Path file) {
        return new BacktestRequest(data, demo, target, time, series, covariates, horizon, folds, season, step, window,
                trainWindow, retrain, fill, baselines, candidates, shuffle, seed, file);
    }

    public BacktestRequest withPlan(int newHorizon, int newFolds, int newSeason) {
        return new BacktestRequest(data, demo, target, time, series, covariates, newHorizon, newFolds, newSeason, step,
                window, trainWindow, retrain, fill, baselines, candidates, shuffle, seed, report);
    }

    public BacktestRequest withBaselines(List<String> names) {
        return new BacktestRequest(data, demo, target, time, series, covariates, horizon, folds, season, step, window,
                trainWindow, retrain, fill, names, candidates, shuffle, seed, report);
    }

    public BacktestRequest withShuffle(boolean shuffled) {
        return new BacktestRequest(data, demo, target, time, series, covariates, horizon, folds, season, step, window,
                trainWindow, retrain, fill, baselines, candidates, shuffled, seed, report);
    }
}
