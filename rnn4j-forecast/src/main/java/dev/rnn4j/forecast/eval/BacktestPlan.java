package dev.rnn4j.forecast.eval;

/**
 * The walk-forward folds of a backtest. Fold k of K (k = 0 oldest) forecasts {@code horizon} values
 * from origin n - horizon - (K-1-k)*step of each series, so the last fold ends at the last value.
 *
 * @param horizon      values forecast per fold
 * @param folds        number of forecast origins
 * @param step         distance between consecutive origins (horizon for non-overlapping folds)
 * @param window       expanding or sliding training part
 * @param trainWindow  length of a sliding training part (ignored when expanding)
 * @param retrain      when models are fitted again
 * @param seasonPeriod season length, or 0 for each series' frequency
 * @param seed         seed handed to the models
 */
public record BacktestPlan(int horizon, int folds, int step, WindowKind window, int trainWindow,
                           RetrainPolicy retrain, int seasonPeriod, long seed) {

    public BacktestPlan {
        if (horizon < 1 || folds < 1 || step < 1) {
            throw new IllegalArgumentException("horizon, folds and step must be at least 1, got horizon=" + horizon
                    + ", folds=" + folds + ", step=" + step + ".");
        }
        if (window == WindowKind.SLIDING && trainWindow < 1) {
            throw new IllegalArgumentException("a sliding window needs trainWindow of at least 1, got " + trainWindow + ".");
        }
        if (seasonPeriod < 0) {
            throw new IllegalArgumentException("seasonPeriod must be 0 (use the frequency) or positive, got "
                    + seasonPeriod + ".");
        }
    }

    /** Expanding, non-overlapping folds, refitted every fold. */
    public static BacktestPlan expanding(int horizon, int folds) {
        return new BacktestPlan(horizon, folds, horizon, WindowKind.EXPANDING, 0, RetrainPolicy.EVERY_FOLD, 0, 42L);
    }

    /** Origin (index of the first forecast value) of fold k in a series of length n. */
    public int origin(int n, int fold) {
        return n - horizon - (folds - 1 - fold) * step;
    }

    /** First index of fold k's training part. */
    public int trainStart(int n, int fold) {
        return window == WindowKind.SLIDING ? Math.max(0, origin(n, fold) - trainWindow) : 0;
    }
}
