package dev.rnn4j.forecast.model;

import java.util.Arrays;

/** Repeats the last observed value. */
public final class NaiveForecaster extends LocalForecaster {

    @Override
    protected String description() {
        return "the last observed value, repeated";
    }

    @Override
    public String name() {
        return "naive";
    }

    @Override
    protected double[] forecast(double[] y, int m, int h) {
        double[] f = new double[h];
        Arrays.fill(f, y[y.length - 1]);
        return f;
    }
}
