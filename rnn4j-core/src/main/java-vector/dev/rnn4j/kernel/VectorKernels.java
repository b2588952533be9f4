package dev.rnn4j.kernel;

/**
 * The fast kernels: the JDK Vector API ({@code jdk.incubator.vector}), loaded by name by
 * {@link KernelProvider} only when the module is readable. This is the one class (with its
 * package-private helpers in this source root) that may touch the Vector API.
 *
 * <p>Products: {@link VectorGemm}; activations: {@link VectorActivations}; cell math:
 * {@link VectorCells}. Results differ from {@link ScalarKernels} by float rounding (sums in float,
 * in a different order) and by the approximate tanh/sigmoid, within bounds the tests state.
 */
final class VectorKernels implements Kernels {

    /**
     * Refuses (UnsupportedOperationException, so the provider falls back) when the preferred vector
     * is narrower than 4 floats: there the scalar loops are as fast.
     */
    VectorKernels() {
        if (VectorConstants.LANES < 4) {
            throw new UnsupportedOperationException("the CPU's preferred vector holds only " + VectorConstants.LANES
                    + " floats");
        }
    }

    @Override
    public String name() {
        return "vector (" + VectorConstants.FLOATS.vectorBitSize() + "-bit)";
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        VectorGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public PackedMatrix pack(Transpose transB, int k, int n, float[] b, int bOff, int ldb) {
        return VectorGemm.pack(transB, k, n, b, bOff, ldb);
    }

    @Override
    public void gemmPacked(int m, float[] a, int aOff, int lda, PackedMatrix b, float beta, float[] c, int cOff, int ldc) {
        VectorGemm.Packed p = (VectorGemm.Packed) b;
        VectorGemm.gemmPacked(m, a, aOff, lda, p, 0, p.panels(), beta, c, cOff, ldc);
    }

    @Override
    public void add(int n, float[] x, int xOff, float[] y, int yOff) {
        VectorCells.add(n, x, xOff, y, yOff);
    }

    @Override
    public int firstNonFinite(int n, float[] x, int off) {
        return VectorCells.firstNonFinite(n, x, off);
    }

    @Override
    public void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx) {
        VectorCells.addBias(rows, cols, bias, biasOff, x, xOff, ldx);
    }

    @Override
    public void addColumnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
        VectorCells.addColumnSums(rows, cols, a, aOff, lda, sums, sumsOff);
    }

    @Override
    public void sigmoid(float[] x, int off, int n) {
        VectorActivations.sigmoid(x, off, n);
    }

    @Override
    public void tanh(float[] x, int off, int n) {
        VectorActivations.tanh(x, off, n);
    }

    @Override
    public void lstmForward(int rows, int hidden, float[] gates, int gatesOff,
                            float[] c, int cPrevOff, int cOff, float[] h, int hOff) {
        VectorCells.lstmForward(rows, hidden, gates, gatesOff, c, cPrevOff, cOff, h, hOff);
    }

    @Override
    public void lstmBackward(int rows, int hidden, float[] gates, int gatesOff, float[] c, int cPrevOff, int cOff,
                             float[] dh, float[] dc, float[] dGates, int dGatesOff, float[] dcPrev) {
        VectorCells.lstmBackward(rows, hidden, gates, gatesOff, c, cPrevOff, cOff, dh, dc, dGates, dGatesOff, dcPrev);
    }

    @Override
    public void gruForward(int rows, int hidden, float[] gates, int gatesOff, float[] rec, int recOff,
                           float[] h, int hPrevOff, int hOff) {
        VectorCells.gruForward(rows, hidden, gates, gatesOff, rec, recOff, h, hPrevOff, hOff);
    }

    @Override
    public void gruBackward(int rows, int hidden, float[] gates, int gatesOff, float[] rec, int recOff,
                            float[] h, int hPrevOff, float[] dh,
                            float[] dGatesX, int dGatesXOff, float[] dGatesH, int dGatesHOff, float[] dhPrev) {
        VectorCells.gruBackward(rows, hidden, gates, gatesOff, rec, recOff, h, hPrevOff, dh,
                dGatesX, dGatesXOff, dGatesH, dGatesHOff, dhPrev);
    }

    @Override
    public void elmanForward(Activation activation, int rows, int hidden, float[] gates, int gatesOff,
                             float[] h, int hOff) {
        VectorCells.elmanForward(activation, rows, hidden, gates, gatesOff, h, hOff);
    }

    @Override
    public void elmanBackward(Activation activation, int rows, int hidden, float[] h, int hOff, float[] dh,
                              float[] dGates, int dGatesOff) {
        VectorCells.elmanBackward(activation, rows, hidden, h, hOff, dh, dGates, dGatesOff);
    }
}
