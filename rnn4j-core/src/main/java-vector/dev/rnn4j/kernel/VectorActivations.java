package dev.rnn4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fast tanh and sigmoid: a rational approximation of tanh (odd degree-13 numerator over even
 * degree-6 denominator, input clamped to +-7.9053, where float tanh is already +-1), with
 * {@code sigmoid(x) = 0.5 + 0.5 * tanh(x / 2)}.
 *
 * <p>Measured maximum absolute error over every float in [-20, 20] (see the kernel tests, which
 * assert it): tanh 3.0e-7, sigmoid 1.7e-7, far inside the golden tolerance (abs 1e-5 + rel 1e-4).
 *
 * <p>Each array loop applies exactly one activation: C2 inlines one copy of the polynomial
 * comfortably, but several in one loop can exceed its inlining budget, and vectors crossing a call
 * that is not inlined are boxed on the heap. Tails use the same polynomial in scalar form, so an
 * element's result does not depend on where it falls in the array.
 */
final class VectorActivations {

    private static final VectorSpecies<Float> S = VectorConstants.FLOATS;

    static final float CLAMP = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;

    private VectorActivations() {
    }

    /** CLAMP's bits: below it, the bits of non-negative floats order as the floats do. */
    private static final int CLAMP_BITS = Float.floatToRawIntBits(CLAMP);
    private static final int SIGN_BIT = 0x80000000;

    /**
     * The rational tanh, one vector. Small enough to inline once into a loop.
     *
     * <p>It runs on |x| and puts the sign back (the rational is odd, so the result is bit for bit
     * that of x itself), which lets one integer min clamp it: float max and min must propagate
     * NaN and order -0 below +0, and C2 spends several instructions on each, a third of the whole
     * function on JDK 17. NaN, which the integer min would clamp, is passed through by the last
     * blend. Measured on a whole LSTM step's gate math (CellMathBenchmark): JDK 25 -20 %; JDK 17
     * unchanged (alone, on one long array, its tanh is 31 % faster; inside the cell loops its code
     * for the clamp costs the same either way).
     */
    static FloatVector tanh(FloatVector v) {
        IntVector bits = v.reinterpretAsInts();
        FloatVector a = bits.and(~SIGN_BIT).min(CLAMP_BITS).reinterpretAsFloats();
        FloatVector x2 = a.mul(a);
        FloatVector p = x2.fma(A13, A11);
        p = p.fma(x2, FloatVector.broadcast(S, A9));
        p = p.fma(x2, FloatVector.broadcast(S, A7));
        p = p.fma(x2, FloatVector.broadcast(S, A5));
        p = p.fma(x2, FloatVector.broadcast(S, A3));
        p = p.fma(x2, FloatVector.broadcast(S, A1)).mul(a);
        FloatVector q = x2.fma(B6, B4);
        q = q.fma(x2, FloatVector.broadcast(S, B2));
        q = q.fma(x2, FloatVector.broadcast(S, B0));
        FloatVector t = p.div(q).reinterpretAsInts().or(bits.and(SIGN_BIT)).reinterpretAsFloats();
        return t.blend(v, v.compare(VectorOperators.NE, v));
    }

    /** The same rational tanh in scalar form, for loop tails. */
    static float tanh(float v) {
        float x = Math.max(-CLAMP, Math.min(CLAMP, v));
        float x2 = x * x;
        float p = Math.fma(x2, A13, A11);
        p = Math.fma(p, x2, A9);
        p = Math.fma(p, x2, A7);
        p = Math.fma(p, x2, A5);
        p = Math.fma(p, x2, A3);
        p = Math.fma(p, x2, A1) * x;
        float q = Math.fma(x2, B6, B4);
        q = Math.fma(q, x2, B2);
        q = Math.fma(q, x2, B0);
        return p / q;
    }

    /**
     * {@code x[i] = scale * tanh(inner * x[i]) + shift} for n elements: tanh is (1, 1, 0), sigmoid
     * (0.5, 0.5, 0.5). One loop serves both, so only one activation loop is ever compiled.
     */
    static void tanhAffine(float[] x, int off, int n, float inner, float scale, float shift) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, off + i).mul(inner);
            tanh(v).fma(scale, shift).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] = Math.fma(tanh(inner * x[off + i]), scale, shift);
        }
    }

    static void sigmoid(float[] x, int off, int n) {
        tanhAffine(x, off, n, 0.5f, 0.5f, 0.5f);
    }

    static void tanh(float[] x, int off, int n) {
        tanhAffine(x, off, n, 1f, 1f, 0f);
    }
}
