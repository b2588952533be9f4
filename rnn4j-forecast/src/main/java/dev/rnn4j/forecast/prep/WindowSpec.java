package dev.rnn4j.forecast.prep;

/**
 * Supervised windows cut from a series: {@code lookback} inputs followed by {@code horizon} targets,
 * one window every {@code stride} steps.
 */
public record WindowSpec(int lookback, int horizon, int stride) {

    public WindowSpec {
        if (lookback < 1 || horizon < 1 || stride < 1) {
            throw new IllegalArgumentException("lookback, horizon and stride must be at least 1, got lookback="
                    + lookback + ", horizon=" + horizon + ", stride=" + stride + ".");
        }
    }

    /** Observations one window spans. */
    public int span() {
        return lookback + horizon;
    }
}
