package dev.rnn4j.forecast.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeasonalDecompositionTest {

    private static final double[] TRUE_INDICES = {0.8, 1.0, 1.3, 0.9};

    /** A linear trend times exact seasonal indices: the decomposition must give those indices back. */
    private static double[] seasonalSeries(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = (100 + t) * TRUE_INDICES[t % 4];
        }
        return y;
    }

    @Test
    void recoversMultiplicativeIndicesOfATrendingSeries() {
        double[] idx = SeasonalDecomposition.multiplicativeIndices(seasonalSeries(40), 4);
        for (int i = 0; i < 4; i++) {
            assertThat(idx[i]).isCloseTo(TRUE_INDICES[i], within(0.01));
        }
        assertThat((idx[0] + idx[1] + idx[2] + idx[3]) / 4).isCloseTo(1, within(1e-12));
    }

    @Test
    void centredMovingAverageOfEvenPeriodUsesHalfWeightsAtTheEnds() {
        double[] ma = SeasonalDecomposition.centredMovingAverage(new double[]{1, 2, 3, 4, 5, 6}, 4);
        assertThat(ma[0]).isNaN();
        assertThat(ma[1]).isNaN();
        assertThat(ma[2]).isCloseTo((0.5 * 1 + 2 + 3 + 4 + 0.5 * 5) / 4, within(1e-12));
        assertThat(ma[4]).isNaN();
    }

    @Test
    void seasonalityTestSeparatesSeasonalFromNoise() {
        assertThat(SeasonalDecomposition.isSeasonal(seasonalSeries(40), 4)).isTrue();
        Random r = new Random(1);
        double[] noise = new double[40];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 100 + r.nextGaussian();
        }
        assertThat(SeasonalDecomposition.isSeasonal(noise, 4)).isFalse();
        assertThat(SeasonalDecomposition.isSeasonal(seasonalSeries(8), 4)).as("needs more than two seasons").isFalse();
    }

    @Test
    void naive2PutsTheSeasonBackOnTheLastAdjustedValue() {
        double[] y = seasonalSeries(40);
        double[] f = new Naive2Forecaster().forecast(y, 4, 4);
        double[] idx = SeasonalDecomposition.multiplicativeIndices(y, 4);
        double lastAdjusted = y[39] / idx[39 % 4];
        for (int k = 0; k < 4; k++) {
            assertThat(f[k]).isCloseTo(lastAdjusted * idx[(40 + k) % 4], within(1e-9));
        }
    }
}
