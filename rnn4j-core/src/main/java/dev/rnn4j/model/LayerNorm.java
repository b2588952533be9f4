package dev.rnn4j.model;

import java.util.Arrays;

/**
 * Layer normalisation over each step's features, as PyTorch's {@code nn.LayerNorm(width, eps=1e-5)}:
 * {@code y = (x - mean) / sqrt(var + eps) * weight + bias}, with the biased variance. Rows are the
 * {@code [B, T]} positions of a {@code [B, T, W]} sequence; padded positions are skipped, so they
 * stay zero forward and pass no gradient back (normalising a zero row would leak the bias into them).
 */
final class LayerNorm {

    static final double EPS = 1e-5;

    final int width;
    final int weightOffset;
    final int biasOffset;

    LayerNorm(int width, int offset) {
        this.width = width;
        this.weightOffset = offset;
        this.biasOffset = offset + width;
    }

    int parameterCount() {
        return 2 * width;
    }

    /** What backward needs: the per-row mean and 1/sqrt(var + eps) (NaN marks a padded row). */
    record Cache(float[] input, float[] mean, float[] rstd) {
    }

    /**
     * Normalises {@code x} ({@code [B, T, W]}, batch-major) into a new array.
     *
     * @param lengths valid steps per row, or null for all {@code time}
     */
    Cache forward(float[] params, float[] x, int batch, int time, int[] lengths, float[] y) {
        float[] mean = new float[batch * time];
        float[] rstd = new float[batch * time];
        for (int b = 0; b < batch; b++) {
            int valid = lengths == null ? time : lengths[b];
            for (int t = 0; t < time; t++) {
                int row = b * time + t;
                int base = row * width;
                if (t >= valid) {
                    Arrays.fill(y, base, base + width, 0f);
                    mean[row] = Float.NaN;
                    continue;
                }
                normalizeRow(params, x, base, y, base, mean, rstd, row);
            }
        }
        return new Cache(x, mean, rstd);
    }

    /**
     * Normalises one row of {@code width} features, {@code x[xOff ..]} into {@code y[yOff ..]} (the
     * same array and offset is allowed: each value is read before it is written); stores the row's
     * mean and 1/sqrt(var + eps) at {@code stat} of {@code mean} and {@code rstd} unless they are null.
     */
    void normalizeRow(float[] params, float[] x, int xOff, float[] y, int yOff, float[] mean, float[] rstd, int stat) {
        double sum = 0;
        for (int j = 0; j < width; j++) {
            sum += x[xOff + j];
        }
        double mu = sum / width;
        double sq = 0;
        for (int j = 0; j < width; j++) {
            double d = x[xOff + j] - mu;
            sq += d * d;
        }
        double r = 1.0 / Math.sqrt(sq / width + EPS);
        if (mean != null) {
            mean[stat] = (float) mu;
            rstd[stat] = (float) r;
        }
        for (int j = 0; j < width; j++) {
            double xhat = (x[xOff + j] - mu) * r;
            y[yOff + j] = (float) (xhat * params[weightOffset + j] + params[biasOffset + j]);
        }
    }

    /**
     * Adds the gain and bias gradients into {@code gradients} and returns the gradient of the input:
     * {@code dx = rstd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat))}, {@code dxhat = dy * weight}.
     */
    float[] backward(float[] params, float[] gradients, Cache cache, float[] dy) {
        float[] dx = new float[dy.length];
        int rows = cache.mean().length;
        float[] xhat = new float[width];
        for (int row = 0; row < rows; row++) {
            float mu = cache.mean()[row];
            if (Float.isNaN(mu)) {
                continue; // padded position: nothing flowed through it
            }
            double r = cache.rstd()[row];
            int base = row * width;
            double meanG = 0;
            double meanGx = 0;
            for (int j = 0; j < width; j++) {
                xhat[j] = (float) ((cache.input()[base + j] - mu) * r);
                double g = (double) dy[base + j] * params[weightOffset + j];
                gradients[weightOffset + j] += dy[base + j] * xhat[j];
                gradients[biasOffset + j] += dy[base + j];
                meanG += g;
                meanGx += g * xhat[j];
            }
            meanG /= width;
            meanGx /= width;
            for (int j = 0; j < width; j++) {
                double g = (double) dy[base + j] * params[weightOffset + j];
                dx[base + j] = (float) (r * (g - meanG - xhat[j] * meanGx));
            }
        }
        return dx;
    }
}
