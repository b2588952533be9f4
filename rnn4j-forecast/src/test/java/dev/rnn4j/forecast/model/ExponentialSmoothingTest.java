package dev.rnn4j.forecast.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExponentialSmoothingTest {

    /** Sum of squared one-step errors, computed directly. */
    private static double sse(double[] y, double a, double l0) {
        double level = l0;
        double s = 0;
        for (double v : y) {
            s += (v - level) * (v - level);
            level = a * v + (1 - a) * level;
        }
        return s;
    }

    @Test
    void closedFormInitialLevelBeatsEveryNearbyLevel() {
        double[] y = randomWalk(60, 1);
        for (double a : new double[]{0.05, 0.3, 0.9}) {
            double best = ExponentialSmoothing.bestInitialLevel(y, a);
            double at = sse(y, a, best);
            for (double d : new double[]{-1, -0.1, -0.001, 0.001, 0.1, 1}) {
                assertThat(sse(y, a, best + d)).isGreaterThan(at);
            }
            assertThat(ExponentialSmoothing.sse(y, a)).isCloseTo(at, within(1e-9 * at));
        }
    }

    @Test
    void fittedWeightIsAtLeastAsGoodAsAFineGrid() {
        double[] y = randomWalk(80, 2);
        ExponentialSmoothing fit = ExponentialSmoothing.fit(y);
        double fitted = sse(y, fit.alpha(), fit.initialLevel());
        for (int i = 0; i <= 1000; i++) {
            double a = 1e-4 + (0.9999 - 1e-4) * i / 1000;
            assertThat(fitted).isLessThanOrEqualTo(ExponentialSmoothing.sse(y, a) + 1e-9);
        }
        assertThat(fit.lastLevel()).isCloseTo(ExponentialSmoothing.run(y, fit.alpha(), fit.initialLevel()), within(1e-12));
    }

    @Test
    void aRandomWalkGetsAWeightNearOneAndNoiseAroundALevelANearZeroOne() {
        assertThat(ExponentialSmoothing.fit(randomWalk(200, 3)).alpha()).isGreaterThan(0.8);
        Random r = new Random(4);
        double[] noise = new double[200];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 10 + r.nextGaussian();
        }
        assertThat(ExponentialSmoothing.fit(noise).alpha()).isLessThan(0.1);
    }

    private static double[] randomWalk(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        y[0] = 50;
        for (int i = 1; i < n; i++) {
            y[i] = y[i - 1] + r.nextGaussian();
        }
        return y;
    }
}
