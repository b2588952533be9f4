package dev.rnn4j.forecast.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    private final double[] actual = {100, 200, 50};
    private final double[] forecast = {110, 180, 50};

    @Test
    void handComputedValues() {
        // errors 10, 20, 0
        assertThat(Metrics.mae(actual, forecast)).isCloseTo(10, within(1e-12));
        assertThat(Metrics.rmse(actual, forecast)).isCloseTo(Math.sqrt(500.0 / 3), within(1e-12));
        assertThat(Metrics.mape(actual, forecast)).isCloseTo(100 * (0.1 + 0.1 + 0) / 3, within(1e-12));
        assertThat(Metrics.smape(actual, forecast)).isCloseTo(200 * (10.0 / 210 + 20.0 / 380) / 3, within(1e-12));
    }

    @Test
    void maseUsesTheSeasonalNaiveInSampleScale() {
        double[] insample = {1, 2, 3, 5, 4, 6};           // lag-2 differences: 2, 3, 1, 1 -> scale 1.75
        assertThat(Metrics.naiveScale(insample, 2)).isCloseTo(1.75, within(1e-12));
        assertThat(Metrics.mase(new double[]{7, 8}, new double[]{6, 6}, insample, 2)).isCloseTo(1.5 / 1.75, within(1e-12));
        // a history not longer than the season falls back to lag 1
        assertThat(Metrics.naiveScale(new double[]{1, 3, 4}, 12)).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void undefinedCasesAreNaNAndLeftOutOfMeans() {
        assertThat(Metrics.mape(new double[]{0, 1}, new double[]{1, 1})).isNaN();
        assertThat(Metrics.mase(new double[]{1}, new double[]{2}, new double[]{3, 3, 3}, 1)).isNaN();
        assertThat(Metrics.smape(new double[]{0}, new double[]{0})).isZero();
        MetricSet a = new MetricSet(1, 1, Double.NaN, 1, 2);
        MetricSet b = new MetricSet(3, 3, 4, 3, Double.NaN);
        assertThat(MetricSet.mean(java.util.List.of(a, b))).isEqualTo(new MetricSet(2, 2, 4, 2, 2));
    }

    @Test
    void lengthsMustMatch() {
        assertThatThrownBy(() -> Metrics.mae(new double[]{1}, new double[]{1, 2}))
                .hasMessage("expected equally long, non-empty actuals and forecasts, got 1 and 2.");
    }
}
