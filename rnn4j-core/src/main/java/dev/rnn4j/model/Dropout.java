package dev.rnn4j.model;

import java.util.SplittableRandom;

/** Inverted dropout masks: 0 with probability p, else 1/(1-p), so the expected activation is unchanged. */
final class Dropout {

    private Dropout() {
    }

    static float[] mask(int n, double p, SplittableRandom random) {
        float keep = (float) (1.0 / (1.0 - p));
        float[] m = new float[n];
        for (int i = 0; i < n; i++) {
            m[i] = random.nextDouble() < p ? 0f : keep;
        }
        return m;
    }

    static void apply(float[] x, float[] mask) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= mask[i];
        }
    }
}
