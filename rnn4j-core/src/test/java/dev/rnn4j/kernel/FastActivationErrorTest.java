package dev.rnn4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The stated error bounds of the vector kernels' approximate activations: |tanh error| &lt;= 3.0e-7
 * and |sigmoid error| &lt;= 2.0e-7 (absolute, against the double-precision functions). Checked on
 * 2^22 evenly spaced points over [-20, 20], on every float near 0, and on random points; an
 * exhaustive sweep of every float in [-20, 20] gave maxima of 2.92e-7 (tanh, near x = -5.13) and
 * 1.69e-7 (sigmoid, near x = 8.0).
 */
class FastActivationErrorTest {

    private static final double TANH_BOUND = 3.0e-7;
    private static final double SIGMOID_BOUND = 2.0e-7;

    private static float[] samples() {
        int grid = 1 << 22;
        int near0 = 1 << 16;
        int random = 1 << 18;
        float[] x = new float[grid + near0 + random + 6];
        int n = 0;
        for (int i = 0; i < grid; i++) {
            x[n++] = (float) (-20.0 + 40.0 * i / (grid - 1));
        }
        for (int i = 0; i < near0; i++) {
            x[n++] = (float) ((i - near0 / 2) * 1e-6);
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < random; i++) {
            x[n++] = (float) r.nextDouble(-30, 30);
        }
        float[] edges = {0f, -0f, 7.9053111f, -7.9053111f, 1e4f, -1e4f};
        System.arraycopy(edges, 0, x, n, edges.length);
        return x;
    }

    private static Kernels vector() {
        var k = KernelProvider.vector();
        assumeTrue(k.isPresent(), "vector kernels not available in this JVM");
        return k.get();
    }

    @Test
    void tanhIsWithinItsStatedBound() {
        float[] x = samples();
        float[] y = x.clone();
        vector().tanh(y, 0, y.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(y[i] - Math.tanh(x[i])));
        }
        assertThat(worst).isLessThanOrEqualTo(TANH_BOUND).isGreaterThan(0);
    }

    @Test
    void sigmoidIsWithinItsStatedBound() {
        float[] x = samples();
        float[] y = x.clone();
        vector().sigmoid(y, 0, y.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(y[i] - 1.0 / (1.0 + Math.exp(-(double) x[i]))));
        }
        assertThat(worst).isLessThanOrEqualTo(SIGMOID_BOUND).isGreaterThan(0);
    }

    @Test
    void tailsUseTheSameFormulaAsVectorLanes() {
        // The same value must give the same result in a vector lane and in the scalar tail; 83
        // elements reach the four-vector loop, the single-vector loop and the tail (16 lanes).
        Kernels k = vector();
        float[] x = new float[83];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.731f;
        }
        k.tanh(x, 0, x.length);
        for (int i = 1; i < x.length; i++) {
            assertThat(x[i]).as("element %d", i).isEqualTo(x[0]);
        }
    }

    @Test
    void specialValuesBehaveAsTheFunctionsDo() {
        // In the four-vector loop, the single-vector loop and the scalar tail alike.
        Kernels k = vector();
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f};
        for (float v : special) {
            float[] t = new float[83];
            java.util.Arrays.fill(t, v);
            float[] s = t.clone();
            k.tanh(t, 0, t.length);
            k.sigmoid(s, 0, s.length);
            for (int i = 0; i < t.length; i++) {
                if (Float.isNaN(v)) {
                    assertThat(t[i]).as("tanh(NaN) at %d", i).isNaN();
                    assertThat(s[i]).as("sigmoid(NaN) at %d", i).isNaN();
                } else {
                    assertThat((double) t[i]).as("tanh(%s) at %d", v, i).isCloseTo(Math.tanh(v), org.assertj.core.data.Offset.offset(TANH_BOUND));
                    assertThat((double) s[i]).as("sigmoid(%s) at %d", v, i)
                            .isCloseTo(1.0 / (1.0 + Math.exp(-(double) v)), org.assertj.core.data.Offset.offset(SIGMOID_BOUND));
                }
            }
        }
    }

    @Test
    void tanhIsExactlyOdd() {
        float[] x = samples();
        float[] pos = x.clone();
        float[] neg = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            neg[i] = -x[i];
        }
        Kernels k = vector();
        k.tanh(pos, 0, pos.length);
        k.tanh(neg, 0, neg.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(neg[i]).as("tanh(-%s)", x[i]).isEqualTo(-pos[i]);
        }
    }
}
