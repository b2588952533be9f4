package dev.rnn4j.forecast.model;

import java.util.Arrays;

/** Simple exponential smoothing with optimised weight and initial level: a flat forecast at the last level. */
public final class SesForecaster extends LocalForecaster {

    @Override
    protected String description() {
        return "simple exponential smoothing; weight and initial level minimise in-sample squared one-step errors";
    }

    @Override
    public String name() {
        return "ses";
    }

    @Override
    protected double[] forecast(double[] y, int m, int h) {
        double[] f = new double[h];
        Arrays.fill(f, ExponentialSmoothing.fit(y).lastLevel());
        return f;
    }
}
