package dev.rnn4j.forecast.bench;

import dev.rnn4j.forecast.eval.MetricSet;

/**
 * One model's mean scores over the series of one period (or over all series).
 *
 * @param period  YEARLY, MONTHLY, ... or ALL
 * @param series  how many series were scored
 * @param metrics per-series measures averaged over the series (MAE and RMSE mix scales across
 *                series and are given for completeness only; sMAPE and MASE are the comparable ones)
 */
public record PeriodScore(String period, int series, MetricSet metrics) {

    public double smape() {
        return metrics.smape();
    }

    public double mase() {
        return metrics.mase();
    }

    public double mape() {
        return metrics.mape();
    }

    public double get(String metric) {
        return switch (metric) {
            case "smape" -> smape();
            case "mase" -> mase();
            case "mape" -> mape();
            default -> metrics.get(metric);
        };
    }
}
