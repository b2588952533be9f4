package dev.rnn4j.text.tagger;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.Transpose;
import java.util.SplittableRandom;

/**
 * PyTorch's {@code nn.Linear}: {@code y = x W^T + b} with W {@code [out, in]} and b {@code [out]},
 * applied to each of {@code rows} rows.
 */
final class Linear {

    private final int in;
    private final int out;
    private final int weightOffset;
    private final int biasOffset;
    private final Kernels kernels;

    Linear(String prefix, int in, int out, ParameterTable table, Kernels kernels) {
        this.in = in;
        this.out = out;
        this.weightOffset = table.add(prefix + ".weight", out, in);
        this.biasOffset = table.add(prefix + ".bias", out);
        this.kernels = kernels;
    }

    /** PyTorch's initialisation: weight and bias from U(-1/sqrt(in), 1/sqrt(in)). */
    void initialize(float[] params, SplittableRandom random) {
        double bound = 1.0 / Math.sqrt(in);
        for (int i = 0; i < out * in + out; i++) {
            params[weightOffset + i] = (float) random.nextDouble(-bound, bound);
        }
    }

    /** y {@code [rows, out]} = x {@code [rows, in]} W^T + b. */
    float[] forward(float[] params, float[] x, int rows) {
        float[] y = new float[rows * out];
        kernels.gemm(Transpose.NO, Transpose.YES, rows, out, in, 1f, x, 0, in, params, weightOffset, in, 0f, y, 0, out);
        kernels.addBias(rows, out, params, biasOffset, y, 0, out);
        return y;
    }

    /** Adds dW = dy^T x and db = column sums of dy into {@code gradient}; returns dx = dy W. */
    float[] backward(float[] params, float[] x, float[] dy, int rows, float[] gradient) {
        kernels.gemm(Transpose.YES, Transpose.NO, out, in, rows, 1f, dy, 0, out, x, 0, in, 1f, gradient, weightOffset, in);
        kernels.addColumnSums(rows, out, dy, 0, out, gradient, biasOffset);
        float[] dx = new float[rows * in];
        kernels.gemm(Transpose.NO, Transpose.NO, rows, in, out, 1f, dy, 0, out, params, weightOffset, in, 0f, dx, 0, in);
        return dx;
    }
}
