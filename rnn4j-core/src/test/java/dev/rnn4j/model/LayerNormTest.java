package dev.rnn4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The layer norm against values worked out by hand from PyTorch's nn.LayerNorm definition (biased variance, eps 1e-5). */
class LayerNormTest {

    // gain [1, 2, 0.5, -1] then bias [0, 0.1, 0.2, 0.3], at flat offset 0
    private static final float[] PARAMS = {1f, 2f, 0.5f, -1f, 0f, 0.1f, 0.2f, 0.3f};

    @Test
    void normalisesEachStepOverItsFeaturesAndLeavesPaddedStepsAtZero() {
        LayerNorm norm = new LayerNorm(4, 0);
        // one sequence of 3 steps, the third padded (its garbage input must not show up)
        float[] x = {1, 2, 3, 4, 0.5f, -0.5f, 0.5f, -0.5f, 7, 8, 9, 10};
        float[] y = new float[x.length];
        norm.forward(PARAMS, x, 1, 3, new int[] {2}, y);
        // step 0: mean 2.5, var 1.25, xhat = [-1.5, -0.5, 0.5, 1.5] / sqrt(1.25 + 1e-5)
        // step 1: mean 0, var 0.25, xhat = [1, -1, 1, -1] * 0.5 / sqrt(0.25 + 1e-5)
        double[] expected = {
            -1.3416354199689269, -0.794423613312618, 0.4236059033281545, -1.0416354199689268,
            0.9999800005999799, -1.8999600011999598, 0.6999900002999899, 1.29998000059998,
            0, 0, 0, 0};
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) y[i]).as("y[%d]", i).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void backwardMatchesFiniteDifferencesAndSkipsPaddedSteps() {
        LayerNorm norm = new LayerNorm(4, 0);
        float[] x = {1, 2, 3, 4, 0.3f, -0.9f, 0.5f, -0.2f, 7, 8, 9, 10};
        float[] dy = {0.2f, -0.7f, 0.4f, 1.1f, -0.3f, 0.6f, 0.9f, -0.5f, 5, 5, 5, 5};
        float[] grads = new float[PARAMS.length];
        float[] dx = norm.backward(PARAMS, grads, norm.forward(PARAMS, x, 1, 3, new int[] {2}, new float[x.length]), dy);
        double eps = 1e-3;
        for (int i = 0; i < x.length; i++) {
            float old = x[i];
            x[i] = (float) (old + eps);
            double up = weighted(norm, PARAMS, x, dy);
            x[i] = (float) (old - eps);
            double down = weighted(norm, PARAMS, x, dy);
            x[i] = old;
            assertThat((double) dx[i]).as("dx[%d]", i).isCloseTo((up - down) / (2 * eps), within(2e-3));
        }
        for (int i = 0; i < PARAMS.length; i++) {
            float[] p = PARAMS.clone();
            p[i] = (float) (PARAMS[i] + eps);
            double up = weighted(norm, p, x, dy);
            p[i] = (float) (PARAMS[i] - eps);
            double down = weighted(norm, p, x, dy);
            assertThat((double) grads[i]).as("dparam[%d]", i).isCloseTo((up - down) / (2 * eps), within(2e-3));
        }
        assertThat(new float[] {dx[8], dx[9], dx[10], dx[11]}).containsOnly(0f);
    }

    private static double weighted(LayerNorm norm, float[] params, float[] x, float[] dy) {
        float[] y = new float[x.length];
        norm.forward(params, x, 1, 3, new int[] {2}, y);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (double) y[i] * dy[i];
        }
        return s;
    }
}
