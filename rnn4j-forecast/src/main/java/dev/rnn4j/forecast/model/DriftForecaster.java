package dev.rnn4j.forecast.model;

/** The last value plus the average step of the history (a line through the first and last points). */
public final class DriftForecaster extends LocalForecaster {

    @Override
    protected String description() {
        return "the last value plus the average historical step per step ahead";
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    protected double[] forecast(double[] y, int m, int h) {
        int n = y.length;
        double slope = n > 1 ? (y[n - 1] - y[0]) / (n - 1) : 0;
        double[] f = new double[h];
        for (int k = 0; k < h; k++) {
            f[k] = y[n - 1] + (k + 1) * slope;
        }
        return f;
    }
}
