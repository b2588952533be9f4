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
    private static final int L = VectorConstants.LANES;

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
     * NaN and order -0 below +0, and C2 spends several instructions on each. NaN, which the integer
     * min would clamp, is passed through by the last blend.
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

    /**
     * {@code dst = scale * tanh(inner * src) + shift} on four consecutive vectors: {@link #tanh}'s
     * operations, step by step for the four at once.
     *
     * <p>One tanh is a chain of some 25 dependent operations (the FMA chain and the division), and
     * JDK 17 does not unroll the activation loops: one vector per iteration left the core waiting on
     * that chain, and four interleaved chains fill it (JMH, 4096 floats: JDK 17 -39 %, JDK 25
     * -13 %). Written out, with every vector local, so that nothing crosses a call (see the
     * note on C2's inlining budget above); each lane gets exactly the operations of {@link #tanh}.
     */
    private static void tanhAffine4(float[] src, int so, float[] dst, int dof, float inner, float scale, float shift) {
        FloatVector v0 = FloatVector.fromArray(S, src, so).mul(inner);
        FloatVector v1 = FloatVector.fromArray(S, src, so + L).mul(inner);
        FloatVector v2 = FloatVector.fromArray(S, src, so + 2 * L).mul(inner);
        FloatVector v3 = FloatVector.fromArray(S, src, so + 3 * L).mul(inner);
        IntVector b0 = v0.reinterpretAsInts();
        IntVector b1 = v1.reinterpretAsInts();
        IntVector b2 = v2.reinterpretAsInts();
        IntVector b3 = v3.reinterpretAsInts();
        FloatVector a0 = b0.and(~SIGN_BIT).min(CLAMP_BITS).reinterpretAsFloats();
        FloatVector a1 = b1.and(~SIGN_BIT).min(CLAMP_BITS).reinterpretAsFloats();
        FloatVector a2 = b2.and(~SIGN_BIT).min(CLAMP_BITS).reinterpretAsFloats();
        FloatVector a3 = b3.and(~SIGN_BIT).min(CLAMP_BITS).reinterpretAsFloats();
        FloatVector u0 = a0.mul(a0);
        FloatVector u1 = a1.mul(a1);
        FloatVector u2 = a2.mul(a2);
        FloatVector u3 = a3.mul(a3);
        FloatVector p0 = u0.fma(A13, A11);
        FloatVector p1 = u1.fma(A13, A11);
        FloatVector p2 = u2.fma(A13, A11);
        FloatVector p3 = u3.fma(A13, A11);
        FloatVector q0 = u0.fma(B6, B4);
        FloatVector q1 = u1.fma(B6, B4);
        FloatVector q2 = u2.fma(B6, B4);
        FloatVector q3 = u3.fma(B6, B4);
        FloatVector c = FloatVector.broadcast(S, A9);
        p0 = p0.fma(u0, c);
        p1 = p1.fma(u1, c);
        p2 = p2.fma(u2, c);
        p3 = p3.fma(u3, c);
        c = FloatVector.broadcast(S, B2);
        q0 = q0.fma(u0, c);
        q1 = q1.fma(u1, c);
        q2 = q2.fma(u2, c);
        q3 = q3.fma(u3, c);
        c = FloatVector.broadcast(S, A7);
        p0 = p0.fma(u0, c);
        p1 = p1.fma(u1, c);
        p2 = p2.fma(u2, c);
        p3 = p3.fma(u3, c);
        c = FloatVector.broadcast(S, B0);
        q0 = q0.fma(u0, c);
        q1 = q1.fma(u1, c);
        q2 = q2.fma(u2, c);
        q3 = q3.fma(u3, c);
        c = FloatVector.broadcast(S, A5);
        p0 = p0.fma(u0, c);
        p1 = p1.fma(u1, c);
        p2 = p2.fma(u2, c);
        p3 = p3.fma(u3, c);
        c = FloatVector.broadcast(S, A3);
        p0 = p0.fma(u0, c);
        p1 = p1.fma(u1, c);
        p2 = p2.fma(u2, c);
        p3 = p3.fma(u3, c);
        c = FloatVector.broadcast(S, A1);
        p0 = p0.fma(u0, c).mul(a0);
        p1 = p1.fma(u1, c).mul(a1);
        p2 = p2.fma(u2, c).mul(a2);
        p3 = p3.fma(u3, c).mul(a3);
        FloatVector t0 = p0.div(q0).reinterpretAsInts().or(b0.and(SIGN_BIT)).reinterpretAsFloats();
        FloatVector t1 = p1.div(q1).reinterpretAsInts().or(b1.and(SIGN_BIT)).reinterpretAsFloats();
        FloatVector t2 = p2.div(q2).reinterpretAsInts().or(b2.and(SIGN_BIT)).reinterpretAsFloats();
        FloatVector t3 = p3.div(q3).reinterpretAsInts().or(b3.and(SIGN_BIT)).reinterpretAsFloats();
        t0.blend(v0, v0.compare(VectorOperators.NE, v0)).fma(scale, shift).intoArray(dst, dof);
        t1.blend(v1, v1.compare(VectorOperators.NE, v1)).fma(scale, shift).intoArray(dst, dof + L);
        t2.blend(v2, v2.compare(VectorOperators.NE, v2)).fma(scale, shift).intoArray(dst, dof + 2 * L);
        t3.blend(v3, v3.compare(VectorOperators.NE, v3)).fma(scale, shift).intoArray(dst, dof + 3 * L);
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
     * {@code dst[i] = scale * tanh(inner * src[i]) + shift} for n elements (in place when src is
     * dst): tanh is (1, 1, 0), sigmoid (0.5, 0.5, 0.5). One loop serves both, so only one
     * activation loop is ever compiled: four vectors at a time, then single vectors, then the
     * scalar tail.
     */
    static void tanhAffine(float[] src, int so, float[] dst, int dof, int n, float inner, float scale, float shift) {
        int i = 0;
        for (; i + 4 * L <= n; i += 4 * L) {
            tanhAffine4(src, so + i, dst, dof + i, inner, scale, shift);
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, src, so + i).mul(inner);
            tanh(v).fma(scale, shift).intoArray(dst, dof + i);
        }
        for (; i < n; i++) {
            dst[dof + i] = Math.fma(tanh(inner * src[so + i]), scale, shift);
        }
    }

    static void sigmoid(float[] x, int off, int n) {
        tanhAffine(x, off, x, off, n, 0.5f, 0.5f, 0.5f);
    }

    static void tanh(float[] x, int off, int n) {
        tanhAffine(x, off, x, off, n, 1f, 1f, 0f);
    }

    /** {@code dst[i] = tanh(src[i])} for n elements. */
    static void tanh(float[] src, int so, float[] dst, int dof, int n) {
        tanhAffine(src, so, dst, dof, n, 1f, 1f, 0f);
    }
}
