package dev.rnn4j.forecast.model;

/**
 * Runs a non-seasonal method on seasonally adjusted data and puts the season back, when the 90 %
 * autocorrelation test finds the series seasonal (the M3 recipe for Naive2 and Theta). As in R's
 * thetaf, series whose seasonal indices come near zero (or are not finite, when the trend touches
 * zero) are forecast unadjusted: dividing by such an index would blow the data up.
 */
final class Deseasonalized {

    /** A forecast of non-seasonal data. */
    interface Method {
        double[] forecast(double[] y, int h);
    }

    private Deseasonalized() {
    }

    static double[] forecast(double[] y, int m, int h, Method method) {
        if (!SeasonalDecomposition.isSeasonal(y, m)) {
            return method.forecast(y, h);
        }
        double[] idx = SeasonalDecomposition.multiplicativeIndices(y, m);
        for (double v : idx) {
            if (!(Math.abs(v) >= 1e-4) || !Double.isFinite(v)) {
                return method.forecast(y, h);
            }
        }
        double[] f = method.forecast(SeasonalDecomposition.adjust(y, idx), h);
        SeasonalDecomposition.reseasonalize(f, y.length, idx);
        return f;
    }
}
