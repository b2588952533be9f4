package dev.rnn4j.forecast.eval;

/**
 * One model's forecast of one series in one fold.
 *
 * @param fold     fold index, 0 = oldest
 * @param series   series id
 * @param origin   index of the first forecast value in the series
 * @param forecast forecast values
 * @param actual   what happened
 * @param metrics  the five measures (MASE scaled on the fold's training part)
 */
public record FoldForecast(int fold, String series, int origin, double[] forecast, double[] actual, MetricSet metrics) {
}
