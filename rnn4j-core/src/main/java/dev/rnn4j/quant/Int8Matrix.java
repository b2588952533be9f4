package dev.rnn4j.quant;

/**
 * A weight matrix quantised to int8 with one symmetric scale per output row:
 * {@code w[r][c] ≈ scale[r] * q[r][c]}, {@code q} in [-127, 127], {@code scale[r] = max|w[r]| / 127}.
 *
 * <p>The values are kept column-major ({@code qT[c * rows + r]}), the order the matrix-vector
 * product reads them in: one broadcast input times a contiguous run of rows, no horizontal sums.
 *
 * <p>Per-row scales keep each gate unit's weights at full int8 resolution whatever the spread
 * between rows. Products accumulate in float32 (each int8 widened), so the only error is the
 * rounding of the weights: at most {@code scale[r] / 2} per weight.
 */
public final class Int8Matrix {

    private final int rows;
    private final int cols;
    /** Column-major int8 values. */
    private final byte[] qT;
    private final float[] scales;

    private Int8Matrix(int rows, int cols, byte[] rowMajor, float[] scales) {
        this.rows = rows;
        this.cols = cols;
        this.qT = new byte[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                qT[c * rows + r] = rowMajor[r * cols + c];
            }
        }
        this.scales = scales;
    }

    /** Quantises the {@code rows}×{@code cols} row-major matrix at {@code w[off ..]}. */
    public static Int8Matrix quantize(float[] w, int off, int rows, int cols) {
        byte[] q = new byte[rows * cols];
        float[] scales = new float[rows];
        for (int r = 0; r < rows; r++) {
            float max = 0;
            for (int c = 0; c < cols; c++) {
                float v = w[off + r * cols + c];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("Cannot quantise a non-finite weight " + v + " at row " + r + ", column " + c + ".");
                }
                max = Math.max(max, Math.abs(v));
            }
            float scale = max / 127f;
            scales[r] = scale;
            for (int c = 0; c < cols; c++) {
                q[r * cols + c] = scale == 0 ? 0 : (byte) Math.round(w[off + r * cols + c] / scale);
            }
        }
        return new Int8Matrix(rows, cols, q, scales);
    }

    /** Rebuilds a matrix from stored parts (e.g. a model file); sizes are checked. */
    public static Int8Matrix of(int rows, int cols, byte[] q, float[] scales) {
        if (q.length != rows * cols || scales.length != rows) {
            throw new IllegalArgumentException("An int8 matrix of " + rows + "x" + cols + " needs " + rows * cols
                    + " values and " + rows + " scales, got " + q.length + " and " + scales.length + ".");
        }
        return new Int8Matrix(rows, cols, q.clone(), scales.clone());
    }

    /** {@code y[yOff + r] += sum_c w[r][c] * x[xOff + c]}: the matrix times a vector, accumulated (scalar reference). */
    public void multiplyAdd(float[] x, int xOff, float[] y, int yOff) {
        multiplyAdd(Int8Kernel.scalar(), x, xOff, y, yOff);
    }

    /** The same product with the given kernel (e.g. {@link Int8Kernel#best()}). */
    public void multiplyAdd(Int8Kernel kernel, float[] x, int xOff, float[] y, int yOff) {
        kernel.multiplyAdd(qT, scales, rows, cols, x, xOff, y, yOff);
    }

    /** The dequantised value at (r, c). */
    public float get(int r, int c) {
        return scales[r] * qT[c * rows + r];
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** A copy of the int8 values, row-major. */
    public byte[] values() {
        byte[] q = new byte[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                q[r * cols + c] = qT[c * rows + r];
            }
        }
        return q;
    }

    /** A copy of the per-row scales. */
    public float[] scales() {
        return scales.clone();
    }

    /** Bytes this matrix occupies as stored (values + scales). */
    public long storedBytes() {
        return qT.length + 4L * scales.length;
    }
}
