package dev.rnn4j.forecast.model;

import java.util.Arrays;

/**
 * The mean of the last {@code window} values, flat over the horizon. With window 0 the window is
 * one season (at least 3 values), which averages the seasonal pattern out.
 */
public final class MovingAverageForecaster extends LocalForecaster {

    private final int window;

    public MovingAverageForecaster(int window) {
        if (window < 0) {
            throw new IllegalArgumentException("window must be 0 (one season) or positive, got " + window + ".");
        }
        this.window = window;
    }

    public MovingAverageForecaster() {
        this(0);
    }

    @Override
    protected String description() {
        return "mean of the last " + (window > 0 ? window + " values" : "season (at least 3 values)") + ", flat";
    }

    @Override
    public String name() {
        return "moving_average";
    }

    @Override
    protected double[] forecast(double[] y, int m, int h) {
        int w = Math.min(y.length, window > 0 ? window : Math.max(m, 3));
        double sum = 0;
        for (int i = y.length - w; i < y.length; i++) {
            sum += y[i];
        }
        double[] f = new double[h];
        Arrays.fill(f, sum / w);
        return f;
    }
}
