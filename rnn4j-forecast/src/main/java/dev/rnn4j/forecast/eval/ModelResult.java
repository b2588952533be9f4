package dev.rnn4j.forecast.eval;

import dev.rnn4j.forecast.model.Forecaster;

import java.util.List;

/**
 * A model's backtest: mean metrics over every (fold, series) forecast, the forecasts themselves and
 * the time spent.
 *
 * @param model    model name
 * @param baseline whether it is one of the baselines a candidate must beat
 * @param mean     means over all forecasts (undefined entries left out)
 * @param forecasts every fold's forecast of every series
 * @param seconds  wall time of fitting and forecasting
 * @param modelCard the model's description for the report
 * @param lossCurves one training curve per fit, for models that train iteratively (else empty)
 */
public record ModelResult(String model, boolean baseline, MetricSet mean, List<FoldForecast> forecasts, double seconds,
                          java.util.Map<String, String> modelCard, List<List<Forecaster.LossPoint>> lossCurves) {

    public ModelResult {
        forecasts = List.copyOf(forecasts);
        modelCard = java.util.Map.copyOf(modelCard);
        lossCurves = List.copyOf(lossCurves);
    }
}
