package dev.rnn4j.quant;

/** The plain-Java reference for {@link Int8Kernel}: one dot product per row, left to right. */
final class ScalarInt8Kernel implements Int8Kernel {

    static final ScalarInt8Kernel INSTANCE = new ScalarInt8Kernel();

    @Override
    public void multiplyAdd(byte[] q, float[] scales, int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            float acc = 0;
            for (int c = 0; c < cols; c++) {
                acc += q[base + c] * x[xOff + c];
            }
            y[yOff + r] += scales[r] * acc;
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
