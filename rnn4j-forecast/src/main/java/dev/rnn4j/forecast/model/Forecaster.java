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
     * The fewest training values per series this model can learn from at this horizon (a windowed
     * model needs lookback + horizon); the backtest checks every fold against it.
     */
    default int minTrainingLength(int horizon) {
        return 1;
    }

    /**
     * Refuses a configuration that would let the future leak into the past (a bidirectional
     * recurrent layer, say). Called by the backtest and the benchmark before anything is fitted;
     * the RNN forecaster overrides it with {@link CausalityGuard#requireForwardOnly} on its config.
     *
     * @throws IllegalArgumentException with the reason, when the model is unfit for forecasting
     */
    default void checkCausal() {
    }

    /**
     * What the report's model card shows: the method and its settings. The RNN forecaster adds its
     * architecture, training summary and maximum trained length.
     */
    default java.util.Map<String, String> modelCard() {
        return java.util.Map.of("model", name(), "kind", getClass().getSimpleName());
    }

    /**
     * Implemented by fitted models that train iteratively (the RNN): their loss curves go into the
     * backtest report, one curve per fold.
     */
    interface TrainingHistory {
        /** Points in training order. */
        List<LossPoint> lossHistory();

        /**
         * What this fit adds to the model card (training summary, maximum trained length); the
         * backtest shows the last fold's next to {@link Forecaster#modelCard()}.
         */
        default java.util.Map<String, String> fittedCard() {
            return java.util.Map.of();
        }
    }

    /**
     * One point of a training run.
     *
     * @param epoch      epoch number, from 1
     * @param training   training loss
     * @param validation validation loss, NaN when there is no validation window
     */
    record LossPoint(int epoch, double training, double validation) {
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

        /** Forecasts for many histories at once; models with per-call overhead batch them. */
        default List<double[]> forecastAll(List<TimeSeries> histories, int horizon) {
            return histories.stream().map(h -> forecast(h, horizon)).toList();
        }
    }
}
