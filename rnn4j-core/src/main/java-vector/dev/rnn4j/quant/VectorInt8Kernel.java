package dev.rnn4j.quant;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int8Kernel} with the Vector API: per row, int8 lanes are loaded as a byte vector with as
 * many lanes as the preferred float vector, widened to float and fused-multiply-added into a float
 * accumulator; two rows share each load of {@code x}. The weights stream from memory at a quarter
 * of float32's bytes, which is what makes the int8 step faster once they outgrow the L1 cache.
 */
final class VectorInt8Kernel implements Int8Kernel {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FLOATS.length();
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * 8));

    VectorInt8Kernel() {
        // Fails here (and the caller falls back to scalar) if the species cannot be built.
        widen(new byte[LANES], 0);
    }

    @Override
    public void multiplyAdd(byte[] q, float[] scales, int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        int bound = FLOATS.loopBound(cols);
        int r = 0;
        for (; r + 1 < rows; r += 2) {
            int b0 = r * cols;
            int b1 = b0 + cols;
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = FloatVector.zero(FLOATS);
            int c = 0;
            for (; c < bound; c += LANES) {
                FloatVector xv = FloatVector.fromArray(FLOATS, x, xOff + c);
                a0 = widen(q, b0 + c).fma(xv, a0);
                a1 = widen(q, b1 + c).fma(xv, a1);
            }
            float s0 = a0.reduceLanes(VectorOperators.ADD);
            float s1 = a1.reduceLanes(VectorOperators.ADD);
            for (; c < cols; c++) {
                s0 += q[b0 + c] * x[xOff + c];
                s1 += q[b1 + c] * x[xOff + c];
            }
            y[yOff + r] += scales[r] * s0;
            y[yOff + r + 1] += scales[r + 1] * s1;
        }
        if (r < rows) { // an odd last row, alone
            int b0 = r * cols;
            FloatVector a0 = FloatVector.zero(FLOATS);
            int c = 0;
            for (; c < bound; c += LANES) {
                a0 = widen(q, b0 + c).fma(FloatVector.fromArray(FLOATS, x, xOff + c), a0);
            }
            float s0 = a0.reduceLanes(VectorOperators.ADD);
            for (; c < cols; c++) {
                s0 += q[b0 + c] * x[xOff + c];
            }
            y[yOff + r] += scales[r] * s0;
        }
    }

    private static FloatVector widen(byte[] q, int offset) {
        return (FloatVector) ByteVector.fromArray(BYTES, q, offset).convertShape(VectorOperators.B2F, FLOATS, 0);
    }

    @Override
    public String name() {
        return "vector (" + FLOATS.vectorBitSize() + "-bit)";
    }
}
