package dev.rnn4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    @Test
    void clippingBoundsTheGlobalNormAndKeepsTheDirection() {
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            float[] g = new float[1 + r.nextInt(300)];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) r.nextDouble(-100, 100);
            }
            float[] original = g.clone();
            double max = r.nextDouble(0.1, 5);
            double before = GradientClipping.clipGlobalNorm(g, max);
            assertThat(GradientClipping.globalNorm(g)).isLessThanOrEqualTo(max * (1 + 1e-6));
            if (before > max) {
                double ratio = g[0] / (double) original[0];
                for (int i = 0; i < g.length; i++) {
                    assertThat((double) g[i]).isCloseTo(original[i] * ratio, within(1e-4 * Math.abs(original[i]) + 1e-7));
                }
            }
        }
    }

    @Test
    void smallGradientsAreLeftAlone() {
        float[] g = {0.3f, -0.4f};
        assertThat(GradientClipping.clipGlobalNorm(g, 5)).isCloseTo(0.5, within(1e-7));
        assertThat(g).containsExactly(0.3f, -0.4f);
    }

    @Test
    void valueClippingClampsEachElement() {
        float[] g = {3f, -0.2f, -7f};
        GradientClipping.clipValue(g, 1);
        assertThat(g).containsExactly(1f, -0.2f, -1f);
    }
}
