package dev.rnn4j.kernel;

/**
 * The numeric work of rnn4j: matrix products and the fused pointwise math of each recurrent cell.
 *
 * <p>Two implementations exist: {@link ScalarKernels}, plain Java loops that serve as the reference,
 * and a Vector API implementation loaded by {@link KernelProvider} when the JDK allows it. Tests
 * hold them equal. Kernels trust their arguments: shapes are validated one layer up, in the public
 * API. All matrices are row-major {@code float[]} with an offset and a leading dimension (the
 * distance between the starts of two consecutive rows), as in BLAS.
 *
 * <p>Pointwise cell methods work on {@code rows} consecutive rows (one per sequence in the batch)
 * of one timestep. Gate blocks follow PyTorch's order: LSTM {@code i, f, g, o}, GRU {@code r, z, n};
 * a row of gate values is {@code G * hidden} floats, gate after gate. Argument order: dimensions,
 * then inputs, then outputs, except where an array is both.
 *
 * <p>This interface is internal to rnn4j: it may change between any two versions.
 */
public interface Kernels {

    /** A short name for logs and model provenance, e.g. {@code "scalar"}. */
    String name();

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} where op(A) is m×k and op(B) is k×n.
     * With {@code beta == 0} the old contents of C are ignored (even NaN).
     */
    void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /** Prepares op(B) (k×n) for repeated use as the right operand of {@link #gemmPacked}. */
    PackedMatrix pack(Transpose transB, int k, int n, float[] b, int bOff, int ldb);

    /** {@code C = A * B + beta * C} with A m×k as stored and B prepared by {@link #pack}. */
    void gemmPacked(int m, float[] a, int aOff, int lda, PackedMatrix b, float beta, float[] c, int cOff, int ldc);

    /** {@code y[yOff + i] += x[xOff + i]} for n elements. */
    void add(int n, float[] x, int xOff, float[] y, int yOff);

    /** Index i of the first NaN or infinite {@code x[off + i]} among n elements, or -1 when all are finite. */
    int firstNonFinite(int n, float[] x, int off);

    /** Adds {@code bias[biasOff .. biasOff+cols)} to each of {@code rows} rows of {@code x}. */
    void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx);

    /** Adds the column sums of {@code rows}×{@code cols} matrix {@code a} to {@code sums[sumsOff ..]}. */
    void addColumnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff);

    /** {@code x[i] = sigmoid(x[i])} for n elements. */
    void sigmoid(float[] x, int off, int n);

    /** {@code x[i] = tanh(x[i])} for n elements. */
    void tanh(float[] x, int off, int n);

    // ---- LSTM: c' = f*c + i*g, h' = o*tanh(c') ----

    /**
     * One LSTM step. On entry {@code gates} holds the whole pre-activations
     * (x·W_ih^T + b_ih + h·W_hh^T + b_hh: the caller accumulates the recurrent product straight into
     * them); on exit it holds the activated gates i, f, g, o, which backward needs.
     */
    void lstmForward(int rows, int hidden, float[] gates, int gatesOff,
                     float[] c, int cPrevOff, int cOff, float[] h, int hOff);

    /**
     * Backward of one LSTM step. Reads the activated gates and the cell states before and after
     * the step, the gradients {@code dh} and {@code dc} (rows×hidden, offset 0) arriving at the
     * step's outputs; writes the gradient of the gate pre-activations to {@code dGates} and the
     * gradient reaching the previous cell state to {@code dcPrev}.
     */
    void lstmBackward(int rows, int hidden, float[] gates, int gatesOff, float[] c, int cPrevOff, int cOff,
                      float[] dh, float[] dc, float[] dGates, int dGatesOff, float[] dcPrev);

    // ---- GRU (PyTorch): n = tanh(x_n + r*(h·W_hn + b_hn)), h' = (1-z)*n + z*h ----

    /**
     * One GRU step. On entry {@code gates} holds the input part of the pre-activations and
     * {@code rec} the recurrent part; on exit {@code gates} holds r, z, n. {@code rec} is left
     * unchanged: backward needs its n block.
     */
    void gruForward(int rows, int hidden, float[] gates, int gatesOff, float[] rec, int recOff,
                    float[] h, int hPrevOff, int hOff);

    /**
     * Backward of one GRU step. Writes the gradient of the input pre-activations to {@code dGatesX},
     * of the recurrent pre-activations to {@code dGatesH} (they differ in the n block, by the factor
     * r) and adds the direct path z*dh to {@code dhPrev}.
     */
    void gruBackward(int rows, int hidden, float[] gates, int gatesOff, float[] rec, int recOff,
                     float[] h, int hPrevOff, float[] dh,
                     float[] dGatesX, int dGatesXOff, float[] dGatesH, int dGatesHOff, float[] dhPrev);

    // ---- Elman RNN: h' = act(x·W_ih^T + b_ih + h·W_hh^T + b_hh) ----

    /**
     * One vanilla RNN step: {@code h = act(gates)}, where {@code gates} holds the whole
     * pre-activation (both products and both biases); its contents are undefined after it.
     */
    void elmanForward(Activation activation, int rows, int hidden, float[] gates, int gatesOff, float[] h, int hOff);

    /** Backward of one vanilla RNN step, from the step's output h: {@code dGates = dh * act'(h)}. */
    void elmanBackward(Activation activation, int rows, int hidden, float[] h, int hOff, float[] dh,
                       float[] dGates, int dGatesOff);
}
