package dev.rnn4j.forecast.model;

/**
 * The Theta method of Assimakopoulos and Nikolopoulos (2000), the M3 winner, in the form Hyndman and
 * Billah showed equivalent and R's {@code forecast::thetaf} implements: simple exponential smoothing
 * plus half the slope of a least-squares line, on data seasonally adjusted by a classical
 * multiplicative decomposition when the 90 % autocorrelation test finds seasonality.
 *
 * <p>Forecast k (1-based) = SES level + (b/2) * (k - 1 + (1 - (1-a)^n) / a), where b is the slope of
 * the regression of y on 0..n-1 and a the fitted smoothing weight.
 */
public final class ThetaForecaster extends LocalForecaster {

    @Override
    protected String description() {
        return "Theta method (Assimakopoulos & Nikolopoulos 2000) as in R forecast::thetaf: SES plus half the regression slope, on seasonally adjusted data when seasonal";
    }

    @Override
    public String name() {
        return "theta";
    }

    @Override
    protected double[] forecast(double[] y, int m, int h) {
        return Deseasonalized.forecast(y, m, h, ThetaForecaster::theta);
    }

    static double[] theta(double[] y, int h) {
        int n = y.length;
        ExponentialSmoothing ses = ExponentialSmoothing.fit(y);
        double a = Math.max(1e-10, ses.alpha());
        double halfSlope = slope(y) / 2;
        double offset = (1 - Math.pow(1 - a, n)) / a;
        double[] f = new double[h];
        for (int k = 0; k < h; k++) {
            f[k] = ses.lastLevel() + halfSlope * (k + offset);
        }
        return f;
    }

    /** Least-squares slope of y on 0..n-1 (0 for a single point). */
    static double slope(double[] y) {
        int n = y.length;
        if (n < 2) {
            return 0;
        }
        double tMean = (n - 1) / 2.0;
        double yMean = 0;
        for (double v : y) {
            yMean += v;
        }
        yMean /= n;
        double num = 0;
        double den = 0;
        for (int t = 0; t < n; t++) {
            num += (t - tMean) * (y[t] - yMean);
            den += (t - tMean) * (t - tMean);
        }
        return num / den;
    }
}
