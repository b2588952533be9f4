package dev.rnn4j.forecast.model;

/**
 * Classical multiplicative decomposition (ratio to a centred moving average), as R's
 * {@code decompose(type = "multiplicative")} and the M3 competition's benchmarks use it, plus the
 * 90 % autocorrelation test that decides whether a series is seasonal at all.
 *
 * <p>Season positions count from the first observation: index i belongs to position i mod m.
 */
public final class SeasonalDecomposition {

    /** One-sided 95 % normal quantile: the two-sided 90 % test of the M3 benchmarks. */
    private static final double Z_90 = 1.6448536269514722;

    private SeasonalDecomposition() {
    }

    /**
     * Whether the lag-m autocorrelation is significant at 90 %: |r_m| &gt; 1.645 * sqrt((1 + 2 *
     * sum_{k&lt;m} r_k^2) / n). Needs m &gt; 1, more than 2m observations and a non-constant series
     * (as R's thetaf).
     */
    public static boolean isSeasonal(double[] y, int m) {
        int n = y.length;
        if (m <= 1 || n <= 2 * m || isConstant(y)) {
            return false;
        }
        double[] r = autocorrelations(y, m);
        double sum = 0;
        for (int k = 1; k < m; k++) {
            sum += r[k] * r[k];
        }
        double limit = Z_90 * Math.sqrt((1 + 2 * sum) / n);
        return Math.abs(r[m]) > limit;
    }

    /** r_0..r_maxLag with R's acf definition (common mean, full-length denominator). */
    static double[] autocorrelations(double[] y, int maxLag) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double c0 = 0;
        for (double v : y) {
            c0 += (v - mean) * (v - mean);
        }
        double[] r = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++) {
            double ck = 0;
            for (int t = 0; t + k < n; t++) {
                ck += (y[t] - mean) * (y[t + k] - mean);
            }
            r[k] = ck / c0;
        }
        return r;
    }

    private static boolean isConstant(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Multiplicative seasonal indices, one per position 0..m-1, averaging to 1. Needs at least 2m
     * observations; the indices come from y divided by its centred moving average.
     */
    public static double[] multiplicativeIndices(double[] y, int m) {
        int n = y.length;
        if (n < 2 * m) {
            throw new IllegalArgumentException("a seasonal decomposition needs at least two seasons (" + 2 * m
                    + " values), got " + n + ".");
        }
        double[] trend = centredMovingAverage(y, m);
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(trend[t])) {
                sum[t % m] += y[t] / trend[t];
                count[t % m]++;
            }
        }
        double[] figure = new double[m];
        double mean = 0;
        for (int i = 0; i < m; i++) {
            figure[i] = sum[i] / count[i];
            mean += figure[i];
        }
        mean /= m;
        for (int i = 0; i < m; i++) {
            figure[i] /= mean;
        }
        return figure;
    }

    /** m-term centred moving average (2 x m for even m), NaN where the window does not fit. */
    static double[] centredMovingAverage(double[] y, int m) {
        int n = y.length;
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        int half = m / 2;
        for (int t = half; t + half < n; t++) {
            double s;
            if (m % 2 == 0) {
                s = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int k = -half + 1; k < half; k++) {
                    s += y[t + k];
                }
            } else {
                s = 0;
                for (int k = -half; k <= half; k++) {
                    s += y[t + k];
                }
            }
            out[t] = s / m;
        }
        return out;
    }

    /** y divided by the index of its position. */
    public static double[] adjust(double[] y, double[] indices) {
        double[] out = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            out[t] = y[t] / indices[t % indices.length];
        }
        return out;
    }

    /** Multiplies forecast step k (0-based, right after n observations) by its position's index. */
    public static void reseasonalize(double[] forecast, int n, double[] indices) {
        for (int k = 0; k < forecast.length; k++) {
            forecast[k] *= indices[(n + k) % indices.length];
        }
    }
}
