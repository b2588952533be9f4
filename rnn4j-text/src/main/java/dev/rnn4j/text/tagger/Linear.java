package dev.rnn4j.text.tagger;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.model.Dense;
import java.util.SplittableRandom;

/**
 * PyTorch's {@code nn.Linear} registered in the tagger's parameter table under
 * {@code <prefix>.weight} and {@code <prefix>.bias}; the math is core's {@link Dense}.
 */
final class Linear {

    private final int in;
    private final int out;
    private final int weightOffset;
    private final Dense dense;
    private final Kernels kernels;

    Linear(String prefix, int in, int out, ParameterTable table, Kernels kernels) {
        this.in = in;
        this.out = out;
        this.weightOffset = table.add(prefix + ".weight", out, in);
        table.add(prefix + ".bias", out); // directly after the weight, where Dense expects it
        this.dense = new Dense(in, out, weightOffset);
        this.kernels = kernels;
    }

    /** PyTorch's initialisation: weight and bias from U(-1/sqrt(in), 1/sqrt(in)). */
    void initialize(float[] params, SplittableRandom random) {
        double bound = 1.0 / Math.sqrt(in);
        for (int i = 0; i < dense.parameterCount(); i++) {
            params[weightOffset + i] = (float) random.nextDouble(-bound, bound);
        }
    }

    /** y {@code [rows, out]} = x {@code [rows, in]} W^T + b. */
    float[] forward(float[] params, float[] x, int rows) {
        float[] y = new float[rows * out];
        dense.forward(kernels, params, x, rows, y);
        return y;
    }

    /** Adds dW = dy^T x and db = column sums of dy into {@code gradient}; returns dx = dy W. */
    float[] backward(float[] params, float[] x, float[] dy, int rows, float[] gradient) {
        return dense.backward(kernels, params, gradient, x, dy, rows);
    }
}
