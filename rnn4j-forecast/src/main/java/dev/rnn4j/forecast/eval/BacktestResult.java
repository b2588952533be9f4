package dev.rnn4j.forecast.eval;

import dev.rnn4j.forecast.data.TimeSeries;

import java.util.List;

/**
 * Everything a backtest produced: per model results, their ranking, the warnings raised on the
 * data, and the series themselves (the report plots forecasts against them).
 */
public record BacktestResult(String source, BacktestPlan plan, List<ModelResult> models, Ranking ranking,
                             List<String> warnings, List<TimeSeries> series) {

    public BacktestResult {
        models = List.copyOf(models);
        warnings = List.copyOf(warnings);
        series = List.copyOf(series);
    }

    public ModelResult model(String name) {
        return models.stream().filter(m -> m.model().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No model '" + name + "' in this backtest."));
    }
}
