package dev.rnn4j.forecast.model;

import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.eval.Metrics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XgboostForecasterTest {

    @Test
    void nativeLibraryLoadsHere() {
        assertThat(XgboostForecaster.nativeLibraryProblem()).isNull();
    }

    /** Many noisy series sharing one seasonal shape at different levels: a global model should learn it. */
    @Test
    void learnsASeasonalShapeSharedAcrossSeriesBetterThanNaive() {
        Random r = new Random(7);
        double[] shape = {1.0, 1.3, 0.7, 1.1, 0.9, 1.0};
        List<TimeSeries> train = new ArrayList<>();
        List<double[]> future = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            double level = 10 + 90 * r.nextDouble();
            double[] v = new double[48];
            for (int t = 0; t < v.length; t++) {
                v[t] = level * shape[t % 6] * (1 + 0.02 * r.nextGaussian());
            }
            train.add(TimeSeries.of("s" + s, 6, java.util.Arrays.copyOf(v, 42)));
            future.add(java.util.Arrays.copyOfRange(v, 42, 48));
        }
        XgboostForecaster xgb = new XgboostForecaster(new XgboostForecaster.Config(12, 60, 3, 0.2, 1, 5000));
        Forecaster.Fitted fitted = xgb.fit(train, FitContext.of(6));
        List<double[]> f = fitted.forecastAll(train, 6);
        double xgbMase = 0;
        double naiveMase = 0;
        for (int i = 0; i < train.size(); i++) {
            double[] y = train.get(i).valuesView();
            xgbMase += Metrics.mase(future.get(i), f.get(i), y, 6);
            naiveMase += Metrics.mase(future.get(i), new NaiveForecaster().forecast(y, 6, 6), y, 6);
        }
        assertThat(xgbMase / train.size()).isLessThan(0.5 * naiveMase / train.size());
        assertThat(fitted.forecast(train.get(0), 6)).containsExactly(f.get(0));
        assertThatThrownBy(() -> fitted.forecast(train.get(0), 7)).hasMessageContaining("trained for horizon 6");
    }
}
