package dev.rnn4j.forecast.model;

/** How a backtest transforms each series before a model sees it. */
public enum Scaling {
    /** Raw values. */
    NONE,
    /** Per-series z-score with mean and deviation from the training part only. */
    ZSCORE
}
