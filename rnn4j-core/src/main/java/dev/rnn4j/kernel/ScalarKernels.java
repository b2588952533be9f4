package dev.rnn4j.kernel;

/**
 * The reference kernels: plain loops, written to be read, not to be fast.
 *
 * <p>Products accumulate in double and activations are computed in double and rounded once, so this
 * implementation is as close to the exact result as float32 storage allows. It is the oracle the
 * vector kernels are tested against, and the fallback when the Vector API is not available.
 */
public final class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        // A(i,p) is a[aOff + i*lda + p] as stored, a[aOff + p*lda + i] when transposed; same for B.
        int aRow = transA == Transpose.NO ? lda : 1;
        int aCol = transA == Transpose.NO ? 1 : lda;
        int bRow = transB == Transpose.NO ? ldb : 1;
        int bCol = transB == Transpose.NO ? 1 : ldb;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                int ai = aOff + i * aRow;
                int bj = bOff + j * bCol;
                for (int p = 0; p < k; p++) {
                    sum += (double) a[ai + p * aCol] * b[bj + p * bRow];
                }
                int ci = cOff + i * ldc + j;
                float old = beta == 0f ? 0f : beta * c[ci];
                c[ci] = (float) (alpha * sum + old);
            }
        }
    }

    @Override
    public PackedMatrix pack(Transpose transB, int k, int n, float[] b, int bOff, int ldb) {
        return new View(transB, k, n, b, bOff, ldb);
    }

    @Override
    public void gemmPacked(int m, float[] a, int aOff, int lda, PackedMatrix b, float beta,
                           float[] c, int cOff, int ldc) {
        View v = (View) b;
        gemm(Transpose.NO, v.transB, m, v.n, v.k, 1f, a, aOff, lda, v.b, v.bOff, v.ldb, beta, c, cOff, ldc);
    }

    /** The scalar "packing" keeps a view of the source: no copy, so nothing goes stale silently. */
    private record View(Transpose transB, int k, int n, float[] b, int bOff, int ldb) implements PackedMatrix {
    }

    @Override
    public void add(int n, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += x[xOff + i];
        }
    }

    @Override
    public int firstNonFinite(int n, float[] x, int off) {
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(x[off + i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx) {
        for (int r = 0; r < rows; r++) {
            int row = xOff + r * ldx;
            for (int j = 0; j < cols; j++) {
                x[row + j] += bias[biasOff + j];
            }
        }
    }

    @Override
    public void addColumnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += a[aOff + r * lda + j];
            }
            sums[sumsOff + j] = (float) (sums[sumsOff + j] + s);
        }
    }

    @Override
    public void sigmoid(float[] x, int off, int n) {
        for (int i = off; i < off + n; i++) {
            x[i] = sigmoid(x[i]);
        }
    }

    @Override
    public void tanh(float[] x, int off, int n) {
        for (int i = off; i < off + n; i++) {
            x[i] = (float) Math.tanh(x[i]);
        }
    }

    static float sigmoid(double v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }

    static float tanh(double v) {
        return (float) Math.tanh(v);
    }

    @Override
    public void lstmForward(int rows, int hidden, float[] gates, int gatesOff,
                            float[] c, int cPrevOff, int cOff, float[] h, int hOff) {
        int width = 4 * hidden;
        for (int r = 0; r < rows; r++) {
            int g = gatesOff + r * width;
            for (int j = 0; j < hidden; j++) {
                float i = sigmoid(gates[g + j]);
                float f = sigmoid(gates[g + hidden + j]);
                float cand = tanh(gates[g + 2 * hidden + j]);
                float o = sigmoid(gates[g + 3 * hidden + j]);
                float cNew = (float) ((double) f * c[cPrevOff + r * hidden + j] + (double) i * cand);
                gates[g + j] = i;
                gates[g + hidden + j] = f;
                gates[g + 2 * hidden + j] = cand;
                gates[g + 3 * hidden + j] = o;
                c[cOff + r * hidden + j] = cNew;
                h[hOff + r * hidden + j] = (float) (o * Math.tanh(cNew));
            }
        }
    }

    @Override
    public void lstmBackward(int rows, int hidden, float[] gates, int gatesOff, float[] c, int cPrevOff, int cOff,
                             float[] dh, float[] dc, float[] dGates, int dGatesOff, float[] dcPrev) {
        int width = 4 * hidden;
        for (int r = 0; r < rows; r++) {
            int g = gatesOff + r * width;
            int d = dGatesOff + r * width;
            for (int j = 0; j < hidden; j++) {
                int s = r * hidden + j;
                double i = gates[g + j];
                double f = gates[g + hidden + j];
                double cand = gates[g + 2 * hidden + j];
                double o = gates[g + 3 * hidden + j];
                double tc = Math.tanh(c[cOff + s]);
                double dcTotal = dc[s] + dh[s] * o * (1 - tc * tc);
                dGates[d + j] = (float) (dcTotal * cand * i * (1 - i));
                dGates[d + hidden + j] = (float) (dcTotal * c[cPrevOff + s] * f * (1 - f));
                dGates[d + 2 * hidden + j] = (float) (dcTotal * i * (1 - cand * cand));
                dGates[d + 3 * hidden + j] = (float) (dh[s] * tc * o * (1 - o));
                dcPrev[s] = (float) (dcTotal * f);
            }
        }
    }

    @Override
    public void gruForward(int rows, int hidden, float[] gates, int gatesOff, float[] rec, int recOff,
                           float[] h, int hPrevOff, int hOff) {
        int width = 3 * hidden;
        for (int r = 0; r < rows; r++) {
            int g = gatesOff + r * width;
            int q = recOff + r * width;
            for (int j = 0; j < hidden; j++) {
                float reset = sigmoid((double) gates[g + j] + rec[q + j]);
                float update = sigmoid((double) gates[g + hidden + j] + rec[q + hidden + j]);
                float cand = tanh(gates[g + 2 * hidden + j] + (double) reset * rec[q + 2 * hidden + j]);
                double hPrev = h[hPrevOff + r * hidden + j];
                gates[g + j] = reset;
                gates[g + hidden + j] = update;
                gates[g + 2 * hidden + j] = cand;
                h[hOff + r * hidden + j] = (float) ((1 - update) * (double) cand + update * hPrev);
            }
        }
    }

    @Override
    public void gruBackward(int rows, int hidden, float[] gates, int gatesOff, float[] rec, int recOff,
                            float[] h, int hPrevOff, float[] dh,
                            float[] dGatesX, int dGatesXOff, float[] dGatesH, int dGatesHOff, float[] dhPrev) {
        int width = 3 * hidden;
        for (int r = 0; r < rows; r++) {
            int g = gatesOff + r * width;
            int q = recOff + r * width;
            int dx = dGatesXOff + r * width;
            int dhh = dGatesHOff + r * width;
            for (int j = 0; j < hidden; j++) {
                int s = r * hidden + j;
                double reset = gates[g + j];
                double update = gates[g + hidden + j];
                double cand = gates[g + 2 * hidden + j];
                double hPrev = h[hPrevOff + s];
                double grad = dh[s];
                double dCandPre = grad * (1 - update) * (1 - cand * cand);
                double dUpdatePre = grad * (hPrev - cand) * update * (1 - update);
                double dResetPre = dCandPre * rec[q + 2 * hidden + j] * reset * (1 - reset);
                dGatesX[dx + j] = (float) dResetPre;
                dGatesX[dx + hidden + j] = (float) dUpdatePre;
                dGatesX[dx + 2 * hidden + j] = (float) dCandPre;
                dGatesH[dhh + j] = (float) dResetPre;
                dGatesH[dhh + hidden + j] = (float) dUpdatePre;
                dGatesH[dhh + 2 * hidden + j] = (float) (dCandPre * reset);
                dhPrev[s] += (float) (grad * update);
            }
        }
    }

    @Override
    public void elmanForward(Activation activation, int rows, int hidden, float[] gates, int gatesOff,
                             float[] h, int hOff) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < hidden; j++) {
                double pre = gates[gatesOff + r * hidden + j];
                h[hOff + r * hidden + j] = activation == Activation.TANH ? tanh(pre) : (float) Math.max(pre, 0.0);
            }
        }
    }

    @Override
    public void elmanBackward(Activation activation, int rows, int hidden, float[] h, int hOff, float[] dh,
                              float[] dGates, int dGatesOff) {
        for (int s = 0; s < rows * hidden; s++) {
            double out = h[hOff + s];
            double slope = activation == Activation.TANH ? 1 - out * out : (out > 0 ? 1 : 0);
            dGates[dGatesOff + s] = (float) (dh[s] * slope);
        }
    }
}
