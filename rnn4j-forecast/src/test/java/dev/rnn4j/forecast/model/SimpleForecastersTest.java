package dev.rnn4j.forecast.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimpleForecastersTest {

    private final double[] y = {1, 2, 3, 4, 5, 6, 7, 9};

    @Test
    void naiveRepeatsTheLastValue() {
        assertThat(new NaiveForecaster().forecast(y, 1, 3)).containsExactly(9, 9, 9);
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        assertThat(new SeasonalNaiveForecaster().forecast(y, 3, 5)).containsExactly(6, 7, 9, 6, 7);
        assertThat(new SeasonalNaiveForecaster().forecast(new double[]{1, 2}, 12, 2)).containsExactly(2, 2);
    }

    @Test
    void movingAverageAveragesTheWindow() {
        assertThat(new MovingAverageForecaster(2).forecast(y, 1, 2)).containsExactly(8, 8);
        assertThat(new MovingAverageForecaster().forecast(y, 4, 1)).containsExactly((5 + 6 + 7 + 9) / 4.0);
    }

    @Test
    void driftExtendsTheLineThroughFirstAndLast() {
        assertThat(new DriftForecaster().forecast(y, 1, 2)).containsExactly(9 + 8.0 / 7, 9 + 16.0 / 7);
    }

    @Test
    void thetaOnAStraightLineContinuesIt() {
        double[] line = new double[30];
        for (int t = 0; t < 30; t++) {
            line[t] = 10 + 2 * t;
        }
        double[] f = new ThetaForecaster().forecast(line, 1, 3);
        // SES tracks a noiseless line with a near 1, so its level is the last value 68; theta adds half
        // the regression slope per step: 68 + 1 * (k - 1 + (1 - (1-a)^n) / a), about 69 for k = 1
        assertThat(f[0]).isCloseTo(69, within(0.01));
        assertThat(f[2] - f[1]).isCloseTo(1.0, within(1e-9));   // half the slope per step
    }

    @Test
    void linearArReproducesAnExactAutoregression() {
        double[] ar = new double[80];
        ar[0] = 1;
        ar[1] = 2;
        for (int t = 2; t < ar.length; t++) {
            ar[t] = 0.5 + 0.6 * ar[t - 1] - 0.3 * ar[t - 2] + Math.sin(t) * 1e-3;
        }
        double[] f = new LinearArForecaster(2).forecast(ar, 1, 3);
        double next = 0.5 + 0.6 * ar[79] - 0.3 * ar[78];
        assertThat(f[0]).isCloseTo(next, within(0.01));
        assertThat(f[1]).isCloseTo(0.5 + 0.6 * next - 0.3 * ar[79], within(0.02));
    }
}
