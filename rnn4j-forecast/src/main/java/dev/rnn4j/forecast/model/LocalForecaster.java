package dev.rnn4j.forecast.model;

import dev.rnn4j.forecast.data.TimeSeries;

import java.util.List;

/**
 * A classical method estimated on each history it forecasts from: nothing is learned across series,
 * so fitting only keeps the context, and every forecast origin re-estimates the method's parameters
 * (smoothing weights, seasonal indices, AR coefficients) on the history it is given.
 */
public abstract class LocalForecaster implements Forecaster {

    @Override
    public final Fitted fit(List<TimeSeries> training, FitContext context) {
        return (history, horizon) -> {
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be at least 1, got " + horizon + ".");
            }
            if (history.length() < 1) {
                throw new IllegalArgumentException(history.origin().describe() + ": empty history.");
            }
            return forecast(history.valuesView(), context.period(history), horizon);
        };
    }

    /**
     * Forecasts {@code h} steps after {@code y}.
     *
     * @param y history (read only)
     * @param m season length (1 when not seasonal)
     * @param h horizon
     */
    protected abstract double[] forecast(double[] y, int m, int h);

    /** One line on what the method does, for the model card. */
    protected abstract String description();

    @Override
    public java.util.Map<String, String> modelCard() {
        return java.util.Map.of("model", name(), "method", description(),
                "fitting", "local: re-estimated on each history it forecasts from");
    }

    @Override
    public String toString() {
        return name();
    }
}
