package dev.rnn4j.quant;

/** The plain-Java reference for {@link Int8Kernel}: one dot product per row, over the columns in order. */
final class ScalarInt8Kernel implements Int8Kernel {

    static final ScalarInt8Kernel INSTANCE = new ScalarInt8Kernel();

    @Override
    public void multiplyAdd(byte[] qT, float[] scales, int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        for (int r = 0; r < rows; r++) {
            float acc = 0;
            for (int c = 0; c < cols; c++) {
                acc += qT[c * rows + r] * x[xOff + c];
            }
            y[yOff + r] += scales[r] * acc;
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
