package dev.rnn4j.model;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.Transpose;

/**
 * A fully connected layer, PyTorch's {@code nn.Linear}: {@code y = x · W^T + b}, W [out, in], on
 * rows of a row-major matrix. Its parameters live in the owner's flat array at fixed offsets:
 * W at {@code weightOffset}, b right after it. Shared by every model that needs a linear layer
 * (the sequence model's head, the tagger's emission layer).
 */
public final class Dense {

    final int in;
    final int out;
    final int weightOffset;
    final int biasOffset;

    /** A layer {@code in -> out} whose weight starts at {@code weightOffset}, followed by its bias. */
    public Dense(int in, int out, int weightOffset) {
        this.in = in;
        this.out = out;
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + in * out;
    }

    public int parameterCount() {
        return in * out + out;
    }

    /** {@code y[rows][out] = x[rows][in] · W^T + b}. */
    public void forward(Kernels k, float[] w, float[] x, int rows, float[] y) {
        k.gemm(Transpose.NO, Transpose.YES, rows, out, in, 1f, x, 0, in, w, weightOffset, in, 0f, y, 0, out);
        k.addBias(rows, out, w, biasOffset, y, 0, out);
    }

    /** Adds dW = dy^T · x and db = Σ dy into {@code g}; returns dx = dy · W. */
    public float[] backward(Kernels k, float[] w, float[] g, float[] x, float[] dy, int rows) {
        k.gemm(Transpose.YES, Transpose.NO, out, in, rows, 1f, dy, 0, out, x, 0, in, 1f, g, weightOffset, in);
        k.addColumnSums(rows, out, dy, 0, out, g, biasOffset);
        float[] dx = new float[rows * in];
        k.gemm(Transpose.NO, Transpose.NO, rows, in, out, 1f, dy, 0, out, w, weightOffset, in, 0f, dx, 0, in);
        return dx;
    }
}
