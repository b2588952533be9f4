package dev.rnn4j.forecast.model;

import java.util.Arrays;

/** The M3 competition's Naive2: the last value of the seasonally adjusted series, re-seasonalised. */
public final class Naive2Forecaster extends LocalForecaster {

    @Override
    protected String description() {
        return "the M3 Naive2: last value of the series seasonally adjusted by classical multiplicative decomposition (when the 90 % ACF test finds seasonality), re-seasonalised";
    }

    @Override
    public String name() {
        return "naive2";
    }

    @Override
    protected double[] forecast(double[] y, int m, int h) {
        return Deseasonalized.forecast(y, m, h, (adj, steps) -> {
            double[] f = new double[steps];
            Arrays.fill(f, adj[adj.length - 1]);
            return f;
        });
    }
}
