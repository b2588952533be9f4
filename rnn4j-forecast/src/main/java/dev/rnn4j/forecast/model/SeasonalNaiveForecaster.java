package dev.rnn4j.forecast.model;

/** Repeats the last observed season; falls back to the last value when less than a season is known. */
public final class SeasonalNaiveForecaster extends LocalForecaster {

    @Override
    protected String description() {
        return "the last observed season, repeated";
    }

    @Override
    public String name() {
        return "seasonal_naive";
    }

    @Override
    protected double[] forecast(double[] y, int m, int h) {
        int n = y.length;
        int period = n >= m ? m : 1;
        double[] f = new double[h];
        for (int k = 0; k < h; k++) {
            f[k] = y[n - period + (k % period)];
        }
        return f;
    }
}
