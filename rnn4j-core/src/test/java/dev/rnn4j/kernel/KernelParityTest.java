package dev.rnn4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector kernels agree with the scalar reference on random inputs, for every size in
 * {@link #DIMS} in every dimension (one dimension varied at a time with the others small, plus a
 * random sample of full triples and one product that crosses every cache block). Tolerances:
 * products {@code 1e-6 * k + 1e-5 * |ref|} (float sums in another order, error growing with the
 * reduction length k); pointwise cell math 2e-6 (the approximate activations are within 3e-7).
 */
class KernelParityTest {

    static final int[] DIMS = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65, 127, 129, 257};

    private static final Kernels SCALAR = new ScalarKernels();
    private static Kernels vector;

    @BeforeAll
    static void vectorKernels() {
        vector = KernelProvider.vector().orElse(null);
    }

    private static Kernels vector() {
        assumeTrue(vector != null, "vector kernels not available in this JVM");
        return vector;
    }

    // ---- matrix products ----

    static Stream<Arguments> gemmShapes() {
        List<Arguments> shapes = new ArrayList<>();
        for (int d : DIMS) {
            shapes.add(Arguments.of(d, 5, 6));
            shapes.add(Arguments.of(5, d, 6));
            shapes.add(Arguments.of(5, 6, d));
        }
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 12; i++) {
            shapes.add(Arguments.of(DIMS[r.nextInt(DIMS.length)], DIMS[r.nextInt(DIMS.length)], DIMS[r.nextInt(DIMS.length)]));
        }
        // The narrow tiles (one and two vectors of columns, 16 and 8 rows), full and partial,
        // with leftover rows and more than one depth block.
        for (int n : new int[] {4, 8, 16, 24, 32}) {
            shapes.add(Arguments.of(48, n, 40));
            shapes.add(Arguments.of(37, n, 300));
        }
        // Crosses the row (96), depth (512) and column (1024) blocks of the vector GEMM.
        shapes.add(Arguments.of(100, 1100, 600));
        return shapes.stream();
    }

    @ParameterizedTest(name = "gemm m={0} n={1} k={2}")
    @MethodSource("gemmShapes")
    void gemmAgreesForEveryTranspose(int m, int n, int k) {
        Kernels v = vector();
        SplittableRandom r = new SplittableRandom(31L * m + 17L * n + k);
        for (Transpose ta : Transpose.values()) {
            for (Transpose tb : Transpose.values()) {
                // Leading dimensions wider than the matrices and non-zero offsets catch indexing slips.
                int lda = (ta == Transpose.NO ? k : m) + 3;
                int ldb = (tb == Transpose.NO ? n : k) + 2;
                int ldc = n + 1;
                float[] a = random(r, 2 + (ta == Transpose.NO ? m : k) * lda);
                float[] b = random(r, 1 + (tb == Transpose.NO ? k : n) * ldb);
                float[] c0 = random(r, 4 + m * ldc);
                float alpha = r.nextBoolean() ? 1f : 0.75f;
                float beta = switch (r.nextInt(3)) {
                    case 0 -> 0f;
                    case 1 -> 1f;
                    default -> -0.5f;
                };
                float[] expected = c0.clone();
                float[] actual = c0.clone();
                SCALAR.gemm(ta, tb, m, n, k, alpha, a, 2, lda, b, 1, ldb, beta, expected, 4, ldc);
                v.gemm(ta, tb, m, n, k, alpha, a, 2, lda, b, 1, ldb, beta, actual, 4, ldc);
                assertClose("gemm " + ta + "/" + tb + " " + m + "x" + n + "x" + k, expected, actual, 1e-6 * k, 1e-5);
            }
        }
    }

    static Stream<Arguments> packedShapes() {
        List<Arguments> shapes = new ArrayList<>();
        for (int d : DIMS) {
            shapes.add(Arguments.of(d, 9, 7));
            shapes.add(Arguments.of(6, d, 7));
            shapes.add(Arguments.of(6, 9, d));
        }
        shapes.add(Arguments.of(64, 512, 128));
        return shapes.stream();
    }

    @ParameterizedTest(name = "packed m={0} n={1} k={2}")
    @MethodSource("packedShapes")
    void packedGemmAgrees(int m, int n, int k) {
        Kernels v = vector();
        SplittableRandom r = new SplittableRandom(7L * m + 3L * n + k);
        for (Transpose tb : Transpose.values()) {
            for (float beta : new float[] {0f, 1f}) {
                int ldb = (tb == Transpose.NO ? n : k) + 1;
                int lda = k + 2;
                int ldc = n + 3;
                float[] a = random(r, 1 + m * lda);
                float[] b = random(r, 5 + (tb == Transpose.NO ? k : n) * ldb);
                float[] c0 = random(r, 2 + m * ldc);
                float[] expected = c0.clone();
                float[] actual = c0.clone();
                SCALAR.gemmPacked(m, a, 1, lda, SCALAR.pack(tb, k, n, b, 5, ldb), beta, expected, 2, ldc);
                v.gemmPacked(m, a, 1, lda, v.pack(tb, k, n, b, 5, ldb), beta, actual, 2, ldc);
                assertClose("packed " + tb + " beta " + beta, expected, actual, 1e-6 * k, 1e-5);
            }
        }
    }

    // ---- pointwise cell math: every size as the hidden width, 3 rows, non-zero offsets ----

    static IntStream dims() {
        return IntStream.of(DIMS);
    }

    @ParameterizedTest(name = "lstm hidden={0}")
    @MethodSource("dims")
    void lstmForwardAndBackwardAgree(int hidden) {
        Kernels v = vector();
        SplittableRandom r = new SplittableRandom(hidden);
        int rows = 3;
        int gw = 4 * hidden;
        int bh = rows * hidden;
        float[] gates = scaled(random(r, 2 + rows * gw), 3f);
        float[] c = random(r, 2 * bh + 5);
        float[] h = random(r, bh + 4);
        Pair g = new Pair(gates);
        Pair cs = new Pair(c);
        Pair hs = new Pair(h);
        SCALAR.lstmForward(rows, hidden, g.expected, 2, cs.expected, 5, 5 + bh, hs.expected, 4);
        v.lstmForward(rows, hidden, g.actual, 2, cs.actual, 5, 5 + bh, hs.actual, 4);
        g.check("lstmForward gates", 2e-6);
        cs.check("lstmForward c", 2e-6);
        hs.check("lstmForward h", 2e-6);

        float[] dh = random(r, bh);
        float[] dc = random(r, bh);
        Pair dGates = new Pair(random(r, 3 + rows * gw));
        Pair dcPrev = new Pair(new float[bh]);
        SCALAR.lstmBackward(rows, hidden, g.expected, 2, cs.expected, 5, 5 + bh, dh, dc, dGates.expected, 3, dcPrev.expected);
        v.lstmBackward(rows, hidden, g.expected, 2, cs.expected, 5, 5 + bh, dh, dc, dGates.actual, 3, dcPrev.actual);
        dGates.check("lstmBackward dGates", 2e-6);
        dcPrev.check("lstmBackward dcPrev", 2e-6);
    }

    @ParameterizedTest(name = "gru hidden={0}")
    @MethodSource("dims")
    void gruForwardAndBackwardAgree(int hidden) {
        Kernels v = vector();
        SplittableRandom r = new SplittableRandom(100 + hidden);
        int rows = 3;
        int gw = 3 * hidden;
        int bh = rows * hidden;
        Pair g = new Pair(scaled(random(r, 1 + rows * gw), 3f));
        float[] rec = random(r, 2 + rows * gw);
        Pair hs = new Pair(random(r, 2 * bh + 3));
        SCALAR.gruForward(rows, hidden, g.expected, 1, rec, 2, hs.expected, 3, 3 + bh);
        v.gruForward(rows, hidden, g.actual, 1, rec, 2, hs.actual, 3, 3 + bh);
        g.check("gruForward gates", 2e-6);
        hs.check("gruForward h", 2e-6);

        float[] dh = random(r, bh);
        Pair dx = new Pair(random(r, 4 + rows * gw));
        Pair dhh = new Pair(random(r, rows * gw));
        Pair dhPrev = new Pair(random(r, bh));
        SCALAR.gruBackward(rows, hidden, g.expected, 1, rec, 2, hs.expected, 3, dh, dx.expected, 4, dhh.expected, 0,
                dhPrev.expected);
        v.gruBackward(rows, hidden, g.expected, 1, rec, 2, hs.expected, 3, dh, dx.actual, 4, dhh.actual, 0, dhPrev.actual);
        dx.check("gruBackward dGatesX", 2e-6);
        dhh.check("gruBackward dGatesH", 2e-6);
        dhPrev.check("gruBackward dhPrev", 2e-6);
    }

    @ParameterizedTest(name = "elman hidden={0}")
    @MethodSource("dims")
    void elmanForwardAndBackwardAgree(int hidden) {
        Kernels v = vector();
        for (Activation act : Activation.values()) {
            SplittableRandom r = new SplittableRandom(200 + hidden);
            int rows = 3;
            int bh = rows * hidden;
            float[] gates = scaled(random(r, 1 + bh), 3f);
            Pair h = new Pair(random(r, 3 + bh));
            SCALAR.elmanForward(act, rows, hidden, gates.clone(), 1, h.expected, 3);
            v.elmanForward(act, rows, hidden, gates.clone(), 1, h.actual, 3);
            h.check("elmanForward " + act, 2e-6);
            float[] dh = random(r, bh);
            Pair d = new Pair(random(r, 2 + bh));
            SCALAR.elmanBackward(act, rows, hidden, h.expected, 3, dh, d.expected, 2);
            v.elmanBackward(act, rows, hidden, h.expected, 3, dh, d.actual, 2);
            d.check("elmanBackward " + act, 2e-6);
        }
    }

    @ParameterizedTest(name = "vector ops n={0}")
    @MethodSource("dims")
    void activationsAndSumsAgree(int n) {
        Kernels v = vector();
        SplittableRandom r = new SplittableRandom(300 + n);
        float[] x = scaled(random(r, n + 3), 6f);
        Pair s = new Pair(x);
        SCALAR.sigmoid(s.expected, 3, n);
        v.sigmoid(s.actual, 3, n);
        s.check("sigmoid", 1e-6);
        Pair t = new Pair(x);
        SCALAR.tanh(t.expected, 3, n);
        v.tanh(t.actual, 3, n);
        t.check("tanh", 1e-6);

        float[] src = random(r, n + 1);
        Pair sum = new Pair(random(r, n + 2));
        SCALAR.add(n, src, 1, sum.expected, 2);
        v.add(n, src, 1, sum.actual, 2);
        sum.check("add", 1e-7);

        int rows = 5;
        int ld = n + 2;
        float[] m = random(r, 1 + rows * ld);
        Pair bias = new Pair(m);
        float[] bv = random(r, n + 1);
        SCALAR.addBias(rows, n, bv, 1, bias.expected, 1, ld);
        v.addBias(rows, n, bv, 1, bias.actual, 1, ld);
        bias.check("addBias", 1e-7);
        Pair cols = new Pair(random(r, n + 4));
        SCALAR.addColumnSums(rows, n, m, 1, ld, cols.expected, 4);
        v.addColumnSums(rows, n, m, 1, ld, cols.actual, 4);
        cols.check("addColumnSums", 1e-6);
    }

    // ---- helpers ----

    /** The same starting array, once for the scalar and once for the vector kernels. */
    // ---- input checks ----

    @Test
    void firstNonFiniteAgreesWhereverTheBadValueIs() {
        Kernels v = vector();
        SplittableRandom r = new SplittableRandom(5);
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        int[] sizes = {1, 7, 16, 17, 1023, 1024, 1025, 3000, 5000};
        for (int n : sizes) {
            float[] x = scaled(random(r, n + 3), 1e30f);
            x[3 + n / 2] = -Float.MAX_VALUE; // finite, however large
            assertThat(v.firstNonFinite(n, x, 3)).as("n=%d, all finite", n).isEqualTo(-1).isEqualTo(SCALAR.firstNonFinite(n, x, 3));
            for (int trial = 0; trial < 6; trial++) {
                float[] y = x.clone();
                int at = r.nextInt(n);
                y[3 + at] = bad[trial % bad.length];
                if (trial >= 3 && at + 1 < n) {
                    y[3 + n - 1] = Float.NaN; // a later bad value must not hide the first
                }
                assertThat(v.firstNonFinite(n, y, 3)).as("n=%d, bad at %d", n, at).isEqualTo(at)
                        .isEqualTo(SCALAR.firstNonFinite(n, y, 3));
            }
        }
    }

    private static final class Pair {
        final float[] expected;
        final float[] actual;

        Pair(float[] start) {
            expected = start.clone();
            actual = start.clone();
        }

        void check(String what, double abs) {
            assertClose(what, expected, actual, abs, 0);
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        return x;
    }

    private static float[] scaled(float[] x, float s) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= s;
        }
        return x;
    }

    private static void assertClose(String what, float[] expected, float[] actual, double abs, double rel) {
        for (int i = 0; i < expected.length; i++) {
            double allowed = abs + rel * Math.abs(expected[i]);
            if (!(Math.abs(expected[i] - actual[i]) <= allowed)) {
                fail("%s: first difference at index %d of %d: scalar %s, vector %s (|diff| %.3g > %.3g)", what, i,
                        expected.length, expected[i], actual[i], Math.abs(expected[i] - actual[i]), allowed);
            }
        }
    }
}
