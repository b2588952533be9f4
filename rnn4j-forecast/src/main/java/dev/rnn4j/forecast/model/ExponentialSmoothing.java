package dev.rnn4j.forecast.model;

/**
 * Simple exponential smoothing, l_t = a*y_t + (1-a)*l_{t-1}, fitted like R's {@code ets(y, "ANN",
 * opt.crit = "mse")}: the smoothing weight a in [1e-4, 0.9999] and the initial level l_0 minimise the
 * in-sample sum of squared one-step errors.
 *
 * <p>For a fixed a the one-step error is e_t = y_t - c_t - (1-a)^t l_0, linear in l_0 (c_t is the
 * level built from the data alone), so the best l_0 has a closed form and only a one-dimensional
 * search over a remains: a coarse grid, then golden-section refinement around the best grid point.
 *
 * @param alpha the smoothing weight
 * @param initialLevel l_0
 * @param lastLevel the level after the last observation: the flat forecast
 */
public record ExponentialSmoothing(double alpha, double initialLevel, double lastLevel) {

    static final double MIN_ALPHA = 1e-4;
    static final double MAX_ALPHA = 0.9999;
    private static final int GRID = 40;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** Fits a and l_0 to the series. */
    public static ExponentialSmoothing fit(double[] y) {
        if (y.length == 1) {
            return new ExponentialSmoothing(MAX_ALPHA, y[0], y[0]);
        }
        double bestA = MIN_ALPHA;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= GRID; i++) {
            double a = MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * i / GRID;
            double sse = sse(y, a);
            if (sse < bestSse) {
                bestSse = sse;
                bestA = a;
            }
        }
        double step = (MAX_ALPHA - MIN_ALPHA) / GRID;
        double lo = Math.max(MIN_ALPHA, bestA - step);
        double hi = Math.min(MAX_ALPHA, bestA + step);
        double x1 = hi - GOLDEN * (hi - lo);
        double x2 = lo + GOLDEN * (hi - lo);
        double f1 = sse(y, x1);
        double f2 = sse(y, x2);
        for (int it = 0; it < 60 && hi - lo > 1e-7; it++) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - GOLDEN * (hi - lo);
                f1 = sse(y, x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + GOLDEN * (hi - lo);
                f2 = sse(y, x2);
            }
        }
        double a = (lo + hi) / 2;
        if (sse(y, a) > bestSse) {
            a = bestA;
        }
        double l0 = bestInitialLevel(y, a);
        return new ExponentialSmoothing(a, l0, run(y, a, l0));
    }

    /** The level after filtering y from l_0 with weight a. */
    public static double run(double[] y, double a, double l0) {
        double level = l0;
        for (double v : y) {
            level = a * v + (1 - a) * level;
        }
        return level;
    }

    /** Sum of squared one-step errors with the best l_0 for this a. */
    static double sse(double[] y, double a) {
        double l0 = bestInitialLevel(y, a);
        double level = l0;
        double sse = 0;
        for (double v : y) {
            double e = v - level;
            sse += e * e;
            level += a * e;
        }
        return sse;
    }

    /** Least-squares l_0: regress (y_t - c_t) on (1-a)^t, where c_t is the level built from zero. */
    static double bestInitialLevel(double[] y, double a) {
        double c = 0;         // level contribution of the data, starting from l_0 = 0
        double w = 1;         // (1-a)^t, the weight of l_0 in the level before y_t
        double num = 0;
        double den = 0;
        for (double v : y) {
            num += w * (v - c);
            den += w * w;
            c = a * v + (1 - a) * c;
            w *= 1 - a;
        }
        return num / den;
    }
}
