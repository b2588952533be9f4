package dev.rnn4j.forecast.rnn;

import dev.rnn4j.forecast.model.SeasonalDecomposition;

/**
 * Multiplicative seasonal adjustment of positive series before windowing (the recipe of the M3
 * Theta method and of ES-RNN, which won M4): when the 90 % autocorrelation test finds a series
 * seasonal, its values are divided by classical-decomposition indices fitted on its own history,
 * and the network's forecasts multiplied back. The network then learns level and trend, which
 * few windows per series can teach, instead of every series' season.
 */
final class SeasonalAdjustment {

    private SeasonalAdjustment() {
    }

    /** The seasonal indices of {@code y}, or null when it is not seasonal or they are unusable. */
    static double[] indices(double[] y, int m) {
        if (m <= 1 || y.length < 2 * m || !SeasonalDecomposition.isSeasonal(y, m)) {
            return null;
        }
        double[] idx = SeasonalDecomposition.multiplicativeIndices(y, m);
        for (double v : idx) {
            if (!(v >= 1e-2) || !Double.isFinite(v)) {
                return null;
            }
        }
        return idx;
    }

    /** y divided by its indices, or y itself when {@code idx} is null. */
    static double[] adjust(double[] y, double[] idx) {
        return idx == null ? y : SeasonalDecomposition.adjust(y, idx);
    }

    /** Multiplies a forecast starting after {@code n} observations by the indices (in place). */
    static void reseasonalize(double[] forecast, int n, double[] idx) {
        if (idx != null) {
            SeasonalDecomposition.reseasonalize(forecast, n, idx);
        }
    }
}
