package dev.rnn4j.train;

/** Gradient clipping on the flat gradient array, as {@code torch.nn.utils.clip_grad_norm_ / clip_grad_value_}. */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** The global L2 norm of all gradients. */
    public static double globalNorm(float[] g) {
        double sq = 0;
        for (float v : g) {
            sq += (double) v * v;
        }
        return Math.sqrt(sq);
    }

    /** Scales {@code g} so its global norm is at most {@code maxNorm}; returns the norm before clipping. */
    public static double clipGlobalNorm(float[] g, double maxNorm) {
        double norm = globalNorm(g);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1) {
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (g[i] * coef);
            }
        }
        return norm;
    }

    /** Clamps every gradient to [-value, value]; returns the global norm before clamping. */
    public static double clipValue(float[] g, double value) {
        double norm = globalNorm(g);
        float v = (float) value;
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.max(-v, Math.min(v, g[i]));
        }
        return norm;
    }
}
