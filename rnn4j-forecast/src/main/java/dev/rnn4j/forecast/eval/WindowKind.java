package dev.rnn4j.forecast.eval;

/** How the training part of a walk-forward fold grows. */
public enum WindowKind {
    /** Everything before the fold's origin: the training part grows fold by fold. */
    EXPANDING,
    /** A fixed number of values before the origin: old data drops out. */
    SLIDING
}
