package dev.rnn4j.forecast.model;

import dev.rnn4j.forecast.data.TimeSeries;

/**
 * What a model may know besides the training data.
 *
 * @param horizon      how many steps it will be asked for (direct multi-horizon models train for it)
 * @param seasonPeriod season length to use instead of each series' frequency, or 0 to use the frequency
 * @param seed         seed for anything random
 */
public record FitContext(int horizon, int seasonPeriod, long seed) {

    public FitContext {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon + ".");
        }
        if (seasonPeriod < 0) {
            throw new IllegalArgumentException("seasonPeriod must be 0 (use the series frequency) or positive, got "
                    + seasonPeriod + ".");
        }
    }

    public static FitContext of(int horizon) {
        return new FitContext(horizon, 0, 42L);
    }

    /** The season length for this series. */
    public int period(TimeSeries s) {
        return seasonPeriod > 0 ? seasonPeriod : s.frequency();
    }
}
