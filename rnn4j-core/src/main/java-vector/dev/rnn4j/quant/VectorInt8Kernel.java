package dev.rnn4j.quant;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int8Kernel} with the Vector API, over column-major values: for a block of rows, each
 * input {@code x[c]} is broadcast and multiplied into the block's contiguous int8 run of column
 * {@code c}, widened to float (a byte vector with as many lanes as the preferred float vector).
 * Accumulators hold whole rows, so no horizontal sum is needed; scales are applied once per row.
 */
final class VectorInt8Kernel implements Int8Kernel {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FLOATS.length();
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * 8));

    VectorInt8Kernel() {
        widen(new byte[LANES], 0); // fails here (and the caller falls back to scalar) if the species cannot run
    }

    @Override
    public void multiplyAdd(byte[] qT, float[] scales, int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        int r = 0;
        for (; r + 4 * LANES <= rows; r += 4 * LANES) { // four vectors of rows at a time
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = FloatVector.zero(FLOATS);
            FloatVector a2 = FloatVector.zero(FLOATS);
            FloatVector a3 = FloatVector.zero(FLOATS);
            for (int c = 0; c < cols; c++) {
                FloatVector xv = FloatVector.broadcast(FLOATS, x[xOff + c]);
                int base = c * rows + r;
                a0 = widen(qT, base).fma(xv, a0);
                a1 = widen(qT, base + LANES).fma(xv, a1);
                a2 = widen(qT, base + 2 * LANES).fma(xv, a2);
                a3 = widen(qT, base + 3 * LANES).fma(xv, a3);
            }
            store(a0, scales, r, y, yOff);
            store(a1, scales, r + LANES, y, yOff);
            store(a2, scales, r + 2 * LANES, y, yOff);
            store(a3, scales, r + 3 * LANES, y, yOff);
        }
        for (; r + LANES <= rows; r += LANES) {
            FloatVector a = FloatVector.zero(FLOATS);
            for (int c = 0; c < cols; c++) {
                a = widen(qT, c * rows + r).fma(FloatVector.broadcast(FLOATS, x[xOff + c]), a);
            }
            store(a, scales, r, y, yOff);
        }
        for (; r < rows; r++) { // rows left over: plain dot products
            float acc = 0;
            for (int c = 0; c < cols; c++) {
                acc += qT[c * rows + r] * x[xOff + c];
            }
            y[yOff + r] += scales[r] * acc;
        }
    }

    /** {@code y[yOff + r ..] += scales[r ..] * acc}. */
    private static void store(FloatVector acc, float[] scales, int r, float[] y, int yOff) {
        FloatVector.fromArray(FLOATS, y, yOff + r).add(acc.mul(FloatVector.fromArray(FLOATS, scales, r))).intoArray(y, yOff + r);
    }

    private static FloatVector widen(byte[] q, int offset) {
        return (FloatVector) ByteVector.fromArray(BYTES, q, offset).convertShape(VectorOperators.B2F, FLOATS, 0);
    }

    @Override
    public String name() {
        return "vector (" + FLOATS.vectorBitSize() + "-bit)";
    }
}
