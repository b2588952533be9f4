package dev.rnn4j.text.tagger;

import java.util.SplittableRandom;

/**
 * Inverted dropout: during training each value is kept with probability 1 - rate and scaled by
 * 1 / (1 - rate), so nothing needs rescaling at prediction time. The mask is drawn once per
 * forward pass and reused by backward.
 */
final class Dropout {

    private Dropout() {
    }

    /** A mask of n factors (0 or 1/(1-rate)), or null when nothing is dropped (rate 0 or no random source: not training). */
    static float[] mask(int n, float rate, SplittableRandom random) {
        if (rate == 0f || random == null) {
            return null;
        }
        float keep = 1f / (1f - rate);
        float[] m = new float[n];
        for (int i = 0; i < n; i++) {
            m[i] = random.nextDouble() < rate ? 0f : keep;
        }
        return m;
    }

    /** {@code x[i] *= mask[i]}; nothing when the mask is null. Forward and backward are the same product. */
    static void apply(float[] x, float[] mask) {
        if (mask == null) {
            return;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] *= mask[i];
        }
    }
}
