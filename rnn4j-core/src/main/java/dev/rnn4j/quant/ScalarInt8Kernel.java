package dev.rnn4j.quant;

/**
 * The plain-Java reference for {@link Int8Kernel}: column by column, each input times the column's
 * dequantised weights added into {@code y}: contiguous reads and no scratch. It is the fallback
 * without the Vector API and is slow (int8 widening defeats auto-vectorisation): use {@link Int8Kernel#best()}.
 */
final class ScalarInt8Kernel implements Int8Kernel {

    static final ScalarInt8Kernel INSTANCE = new ScalarInt8Kernel();

    @Override
    public void multiplyAdd(byte[] qT, float[] scales, int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        for (int c = 0; c < cols; c++) {
            float xc = x[xOff + c];
            int base = c * rows;
            for (int r = 0; r < rows; r++) {
                y[yOff + r] += scales[r] * qT[base + r] * xc;
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
