package dev.rnn4j.forecast.model;

/**
 * Linear autoregression on the last p values with an intercept, fitted per series by least squares
 * (a light ridge keeps it solvable), forecasting recursively: each step feeds the previous
 * forecasts back as lags. With lags 0, p is one season plus one (at least 3), shrunk on short
 * series so that there are at least three equations per coefficient.
 */
public final class LinearArForecaster extends LocalForecaster {

    private static final double RIDGE = 1e-6;
    private final int lags;

    public LinearArForecaster(int lags) {
        if (lags < 0) {
            throw new IllegalArgumentException("lags must be 0 (automatic) or positive, got " + lags + ".");
        }
        this.lags = lags;
    }

    public LinearArForecaster() {
        this(0);
    }

    @Override
    protected String description() {
        return "least-squares autoregression with intercept on " + (lags > 0 ? lags + " lags" : "one season + 1 lags (at least 3)")
                + ", per series, recursive multi-step";
    }

    @Override
    public String name() {
        return "linear_ar";
    }

    @Override
    protected double[] forecast(double[] y, int m, int h) {
        int n = y.length;
        int p = Math.min(lags > 0 ? lags : Math.max(3, m + 1), (n - 1) / 4);
        if (p < 1) {
            return new NaiveForecaster().forecast(y, m, h);
        }
        // standardise so that the ridge means the same for every series
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / n);
        if (!(std > 0)) {
            return new NaiveForecaster().forecast(y, m, h);
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - mean) / std;
        }
        int rows = n - p;
        double[][] x = new double[rows][p + 1];
        double[] t = new double[rows];
        for (int r = 0; r < rows; r++) {
            x[r][0] = 1;
            for (int k = 1; k <= p; k++) {
                x[r][k] = z[p + r - k];
            }
            t[r] = z[p + r];
        }
        double[] b = LeastSquares.solve(x, t, RIDGE * rows);
        double[] ext = java.util.Arrays.copyOf(z, n + h);
        double[] f = new double[h];
        for (int k = 0; k < h; k++) {
            double v = b[0];
            for (int j = 1; j <= p; j++) {
                v += b[j] * ext[n + k - j];
            }
            ext[n + k] = v;
            f[k] = v * std + mean;
        }
        return f;
    }
}
