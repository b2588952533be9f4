package dev.rnn4j.forecast.model;

import dev.rnn4j.forecast.data.TimeSeries;

import java.util.List;

/**
 * A forecasting method. {@link #fit} learns from the training parts of all series at once, so a
 * global model (one network or one booster across every series) and a local one (a model per
 * series) share this shape; the fitted model then forecasts from any history, including one longer
 * than what it was fitted on (walk-forward folds that do not retrain) or a series it never saw.
 *
 * <p>Implementations are immutable and stateless between calls; all learned state lives in the
 * returned {@link Fitted}.
 */
public interface Forecaster {

    /** Lower-case key used in tables and JSON: naive, seasonal_naive, theta, xgboost, rnn, ... */
    String name();

    /** Learns from the training series; must not look at anything beyond them. */
    Fitted fit(List<TimeSeries> training, FitContext context);

    /**
     * How the backtest should scale the series before {@link #fit} and after forecasting.
     * Classical methods work on raw values (Theta's multiplicative decomposition needs them
     * positive); learned models want z-scored inputs.
     */
    default Scaling inputScaling() {
        return Scaling.NONE;
    }

    /**
     * Refuses a configuration that would let the future leak into the past (a bidirectional
     * recurrent layer, say). Called by the backtest before anything is fitted; the RNN forecaster
     * overrides it with a check of its model config.
     *
     * @throws IllegalArgumentException with the reason, when the model is unfit for forecasting
     */
    default void checkCausal() {
    }

    /** A fitted model. */
    interface Fitted {
        /**
         * The next {@code horizon} values after the end of {@code history}.
         *
         * @param history the series up to the forecast origin (all finite)
         * @param horizon number of steps, at least 1
         */
        double[] forecast(TimeSeries history, int horizon);
    }
}
