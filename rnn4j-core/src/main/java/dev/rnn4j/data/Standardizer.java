package dev.rnn4j.data;

import java.util.List;

/**
 * Z-score per feature channel, fitted on training instances only and stored with the model, so
 * that inputs do not saturate the gates.
 *
 * @param mean  per-channel mean
 * @param scale per-channel standard deviation (1 where a channel is constant)
 */
public record Standardizer(double[] mean, double[] scale) {

    public static Standardizer fit(List<LabeledInstance> instances) {
        int k = instances.get(0).features();
        double[] sum = new double[k];
        double[] sq = new double[k];
        long n = 0;
        for (LabeledInstance inst : instances) {
            float[] v = inst.values();
            for (int i = 0; i < v.length; i++) {
                sum[i % k] += v[i];
                sq[i % k] += (double) v[i] * v[i];
            }
            n += inst.length();
        }
        double[] mean = new double[k];
        double[] scale = new double[k];
        for (int j = 0; j < k; j++) {
            mean[j] = sum[j] / n;
            double var = sq[j] / n - mean[j] * mean[j];
            scale[j] = var > 1e-12 ? Math.sqrt(var) : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    public float[] apply(float[] values) {
        int k = mean.length;
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) ((values[i] - mean[i % k]) / scale[i % k]);
        }
        return out;
    }
}
