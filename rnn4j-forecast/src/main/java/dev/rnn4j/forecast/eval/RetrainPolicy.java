package dev.rnn4j.forecast.eval;

/**
 * When a walk-forward backtest fits its models again. Scalers are refitted on every fold's training
 * part either way; local classical methods re-estimate on every history by construction.
 */
public enum RetrainPolicy {
    /** Fit on every fold's training part (what a model retrained before each forecast would see). */
    EVERY_FOLD,
    /** Fit on the first fold only; later folds forecast from longer histories with the same model. */
    FIRST_FOLD_ONLY
}
