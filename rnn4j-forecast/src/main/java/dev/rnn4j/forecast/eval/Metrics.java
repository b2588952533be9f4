package dev.rnn4j.forecast.eval;

/**
 * Point-forecast accuracy measures of one forecast against its actuals. Undefined cases (MAPE with
 * a zero actual, MASE of a series whose in-sample scale is zero) return NaN, which aggregations
 * count and leave out rather than let one series turn the mean infinite.
 */
public final class Metrics {

    private Metrics() {
    }

    public static double mae(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    public static double rmse(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = actual[i] - forecast[i];
            s += e * e;
        }
        return Math.sqrt(s / actual.length);
    }

    /** 100 * mean(|a - f| / |a|), NaN if an actual is zero. */
    public static double mape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == 0) {
                return Double.NaN;
            }
            s += Math.abs(actual[i] - forecast[i]) / Math.abs(actual[i]);
        }
        return 100 * s / actual.length;
    }

    /**
     * The M3 competition's symmetric MAPE: 200 * mean(|a - f| / (|a| + |f|)); a step where both are
     * zero counts as a perfect forecast.
     */
    public static double smape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double den = Math.abs(actual[i]) + Math.abs(forecast[i]);
            if (den > 0) {
                s += Math.abs(actual[i] - forecast[i]) / den;
            }
        }
        return 200 * s / actual.length;
    }

    /**
     * Mean absolute scaled error (Hyndman and Koehler 2006): MAE over the in-sample MAE of the
     * seasonal naive method with period m (the naive method when the history is not longer than m).
     * NaN when that scale is zero (a constant history).
     */
    public static double mase(double[] actual, double[] forecast, double[] insample, int m) {
        double scale = naiveScale(insample, m);
        return scale > 0 ? mae(actual, forecast) / scale : Double.NaN;
    }

    /** In-sample mean |y_t - y_{t-m}|, with m = 1 when the history is too short for m. */
    public static double naiveScale(double[] insample, int m) {
        int lag = insample.length > m ? m : 1;
        if (insample.length <= lag) {
            return Double.NaN;
        }
        double s = 0;
        for (int t = lag; t < insample.length; t++) {
            s += Math.abs(insample[t] - insample[t - lag]);
        }
        return s / (insample.length - lag);
    }

    /** All five measures of one forecast. */
    public static MetricSet all(double[] actual, double[] forecast, double[] insample, int m) {
        return new MetricSet(mae(actual, forecast), rmse(actual, forecast), mape(actual, forecast),
                smape(actual, forecast), mase(actual, forecast, insample, m));
    }

    private static void check(double[] actual, double[] forecast) {
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("expected equally long, non-empty actuals and forecasts, got "
                    + actual.length + " and " + forecast.length + ".");
        }
    }
}
