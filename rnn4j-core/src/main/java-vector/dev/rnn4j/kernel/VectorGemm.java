package dev.rnn4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-threaded SGEMM with the Vector API, in the GotoBLAS/BLIS shape: loop over column blocks
 * (NC) and depth blocks (KC) of B, pack that block of B into panels of NR columns, then sweep
 * MR-row groups of A over the panels with a register-blocked micro-kernel. A is read in place in
 * either layout (row-major: MR sequential streams; transposed: MR neighbouring floats per step),
 * so only B is ever packed.
 *
 * <p>Blocking (KC 128, MC 96, NC 1024) and the 4 x 4-vector tile follow measurements on an AVX-512
 * core: with KC 128 a packed B panel (128 x 64 floats, 32 KB) fits L1 and stays there while every
 * row group of the block passes over it; KC 128 beat 192..512 by 5-20 % on 1024^3 and cost
 * nothing on the recurrent shapes. Parallelism is not
 * this class's business: callers split C into blocks and run them on their own threads, and every
 * thread gets its own packing buffers.
 */
final class VectorGemm {

    private static final VectorSpecies<Float> S = VectorConstants.FLOATS;
    private static final int L = VectorConstants.LANES;
    /** Rows of the micro-tile. */
    static final int MR = 4;
    /** Columns of the micro-tile: four vectors, so 16 accumulators plus 4 B vectors fit the 32 registers. */
    static final int NR = 4 * L;
    /** Rows and columns of the narrow micro-tile, for products with at most two vectors of columns. */
    static final int MRN = 8;
    static final int NRN = 2 * L;
    /** Rows of the single-vector micro-tile, for products with at most one vector of columns. */
    static final int MRS = 16;
    private static final int KC = 128;
    private static final int MC = 96;
    private static final int NC = Math.max(NR, 1024 / NR * NR);

    private VectorGemm() {
    }

    /** The packing buffer and edge tile of one thread, grown on demand and then reused. */
    private static final class Workspace {
        float[] packB = new float[0];
        final float[] tile = new float[MR * NR];

        float[] packB(int size) {
            if (packB.length < size) {
                packB = new float[size];
            }
            return packB;
        }
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** B packed whole (all of k) into panels {@code [n/NR][k][NR]}, zero-padded to a full last panel. */
    record Packed(int k, int n, float[] data) implements PackedMatrix {
        int panels() {
            return (n + NR - 1) / NR;
        }
    }

    static Packed pack(Transpose transB, int k, int n, float[] b, int bOff, int ldb) {
        int rsb = transB == Transpose.NO ? ldb : 1;
        int csb = transB == Transpose.NO ? 1 : ldb;
        float[] data = new float[Math.max(1, k * roundUp(n, NR))];
        packB(b, bOff, rsb, csb, k, n, data, NR);
        return new Packed(k, n, data);
    }

    static void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        // The kernels only accumulate, so beta is applied to C up front.
        scale(m, n, beta, c, cOff, ldc);
        Workspace ws = WORKSPACE.get();
        int rsa = transA == Transpose.NO ? lda : 1;
        int csa = transA == Transpose.NO ? 1 : lda;
        int rsb = transB == Transpose.NO ? ldb : 1;
        int csb = transB == Transpose.NO ? 1 : ldb;
        // Narrow products (a layer's few input features) would leave most of a 4-vector tile empty;
        // the narrowest (at most one vector) would still waste half of a 2-vector one.
        boolean narrow = n <= NRN;
        int width = n <= L ? L : narrow ? NRN : NR;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float[] pb = ws.packB(kc * roundUp(nc, width));
                packB(b, bOff + pc * rsb + jc * csb, rsb, csb, kc, nc, pb, width);
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    // A is read in place: element (i, p) of op(A) at a[i*rsa + p*csa].
                    int blockA = aOff + ic * rsa + pc * csa;
                    int blockC = cOff + ic * ldc + jc;
                    if (narrow) {
                        macroNarrow(width, mc, nc, kc, a, blockA, rsa, csa, pb, alpha, c, blockC, ldc, ws.tile);
                    } else {
                        macro(mc, nc, kc, a, blockA, rsa, csa, pb, alpha, c, blockC, ldc, ws.tile);
                    }
                }
            }
        }
    }

    /** {@code C = A * B + beta * C} over the panels {@code [panelFrom, panelTo)} of a packed B. */
    static void gemmPacked(int m, float[] a, int aOff, int lda, Packed b, int panelFrom, int panelTo, float beta,
                           float[] c, int cOff, int ldc) {
        int k = b.k();
        int colFrom = panelFrom * NR;
        scale(m, Math.min(b.n(), panelTo * NR) - colFrom, beta, c, cOff + colFrom, ldc);
        if (k == 0) {
            return;
        }
        float[] tile = WORKSPACE.get().tile;
        int n = b.n();
        int fullRows = m - m % MR;
        float[] data = b.data();
        // Panel outer, rows inner: each weight panel is loaded once per product and stays in L1/L2
        // while all row groups pass over it; the rows (the small operand) are re-read instead.
        // 20 % faster than rows-outer once the packed weights outgrow L2 (H 256), equal below.
        for (int jp = panelFrom; jp < panelTo; jp++) {
            int jr = jp * NR;
            // Depth blocks of KC, as in gemm: a block of the panel (KC x NR, 32 KB) stays in L1 while
            // every row group passes over it. A whole panel of a 256-deep product (64 KB) does not,
            // and JDK 25's code for the kernel then loses 15 % (89 % -> 74 % of peak on 32x1024x256;
            // JDK 17 is the same either way). Partial sums meet C in the order gemm adds them.
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                for (int ir = 0; ir < fullRows; ir += MR) {
                    tile4(kc, MR, Math.min(NR, n - jr), a, aOff + ir * lda + pc, lda, 1, data, jp * k * NR + pc * NR, 1f,
                            c, cOff + ir * ldc + jr, ldc, tile);
                }
            }
        }
        // Leftover rows in the same depth blocks, so a row's result does not depend on its group.
        for (int i = fullRows; i < m; i++) {
            for (int jp = panelFrom; jp < panelTo; jp++) {
                int jr = jp * NR;
                for (int pc = 0; pc < k; pc += KC) {
                    tile1(Math.min(KC, k - pc), Math.min(NR, n - jr), a, aOff + i * lda + pc, 1, data, jp * k * NR + pc * NR, 1f,
                            c, cOff + i * ldc + jr, tile);
                }
            }
        }
    }

    /**
     * Sweeps an mc x nc block of C: each packed panel of B against every MR-row group of A;
     * leftover rows one at a time. A's element (i, p) is
     * {@code a[aOff + i*rsa + p*csa]}: row-major A streams MR rows, transposed A reads MR
     * neighbouring floats per step, so neither needs a packing pass.
     */
    private static void macro(int mc, int nc, int kc, float[] a, int aOff, int rsa, int csa, float[] pb,
                              float alpha, float[] c, int cOff, int ldc, float[] tile) {
        int fullRows = mc - mc % MR;
        // Panel outer: the packed B panel (KC x NR, 32 KB) stays in L1 while every row group of the
        // block passes over it (8-15 % faster than rows-outer on the projection and weight gradients).
        for (int jr = 0; jr < nc; jr += NR) {
            for (int ir = 0; ir < fullRows; ir += MR) {
                tile4(kc, MR, Math.min(NR, nc - jr), a, aOff + ir * rsa, rsa, csa, pb, jr * kc, alpha,
                        c, cOff + ir * ldc + jr, ldc, tile);
            }
        }
        for (int i = fullRows; i < mc; i++) {
            for (int jr = 0; jr < nc; jr += NR) {
                tile1(kc, Math.min(NR, nc - jr), a, aOff + i * rsa, csa, pb, jr * kc, alpha,
                        c, cOff + i * ldc + jr, tile);
            }
        }
    }

    /**
     * The sweep of {@link #macro} for a narrow B (one panel of {@code width} columns, NRN or L):
     * 8-row groups with {@link #kernel8n} / {@link #kernel8t} or 16-row groups with {@link #kernel16s}, leftover rows
     * with a plain loop (they only occur when m is not a multiple of the group).
     */
    private static void macroNarrow(int width, int mc, int nc, int kc, float[] a, int aOff, int rsa, int csa,
                                    float[] pb, float alpha, float[] c, int cOff, int ldc, float[] tile) {
        boolean single = width == L;
        int group = single ? MRS : MRN;
        int fullRows = mc - mc % group;
        for (int ir = 0; ir < fullRows; ir += group) {
            if (nc == width && alpha == 1f) {
                narrowKernel(single, kc, a, aOff + ir * rsa, rsa, csa, pb, c, cOff + ir * ldc, ldc);
            } else {
                java.util.Arrays.fill(tile, 0, group * width, 0f);
                narrowKernel(single, kc, a, aOff + ir * rsa, rsa, csa, pb, tile, 0, width);
                addTile(group, nc, tile, width, alpha, c, cOff + ir * ldc, ldc);
            }
        }
        for (int i = fullRows; i < mc; i++) {
            for (int j = 0; j < nc; j++) {
                float sum = 0f;
                for (int p = 0; p < kc; p++) {
                    sum = Math.fma(a[aOff + i * rsa + p * csa], pb[p * width + j], sum);
                }
                c[cOff + i * ldc + j] += alpha * sum;
            }
        }
    }

    private static void narrowKernel(boolean single, int kc, float[] a, int aOff, int ars, int acs, float[] pb,
                                     float[] c, int cOff, int ldc) {
        // A is row-major (acs == 1) or transposed (ars == 1), and each layout has its own kernel (see kernel4r).
        if (single && ars == 1) {
            kernel16t(kc, a, aOff, acs, pb, 0, c, cOff, ldc);
        } else if (single) {
            kernel16s(kc, a, aOff, ars, acs, pb, 0, c, cOff, ldc);
        } else if (acs == 1) {
            kernel8n(kc, a, aOff, ars, acs, pb, 0, c, cOff, ldc);
        } else {
            kernel8t(kc, a, aOff, acs, pb, 0, c, cOff, ldc);
        }
    }

    /**
     * {@code C += alpha * A * B} on a tile of up to MR x NR. A partial tile, or alpha other than 1,
     * goes through the zeroed scratch tile, so C is never overrun and the kernel stays one form.
     */
    private static void tile4(int kc, int mr, int nr, float[] a, int aOff, int ars, int acs, float[] b, int bOff,
                              float alpha, float[] c, int cOff, int ldc, float[] tile) {
        if (mr == MR && nr == NR && alpha == 1f) {
            kernel4(kc, a, aOff, ars, acs, b, bOff, c, cOff, ldc);
        } else {
            java.util.Arrays.fill(tile, 0f);
            kernel4(kc, a, aOff, ars, acs, b, bOff, tile, 0, NR);
            addTile(mr, nr, tile, NR, alpha, c, cOff, ldc);
        }
    }

    /** A is row-major ({@code acs == 1}) or transposed ({@code ars == 1}); each has its own kernel. */
    private static void kernel4(int kc, float[] a, int aOff, int ars, int acs, float[] b, int bOff,
                                float[] c, int cOff, int ldc) {
        if (acs == 1) {
            kernel4r(kc, a, aOff, ars, b, bOff, c, cOff, ldc);
        } else {
            kernel4t(kc, a, aOff, acs, b, bOff, c, cOff, ldc);
        }
    }

    private static void tile1(int kc, int nr, float[] a, int aOff, int acs, float[] b, int bOff,
                              float alpha, float[] c, int cOff, float[] tile) {
        if (nr == NR && alpha == 1f && acs == 1) {
            kernel1r(kc, a, aOff, b, bOff, c, cOff);
        } else if (nr == NR && alpha == 1f) {
            kernel1(kc, a, aOff, acs, b, bOff, c, cOff);
        } else {
            java.util.Arrays.fill(tile, 0, NR, 0f);
            kernel1(kc, a, aOff, acs, b, bOff, tile, 0);
            addTile(1, nr, tile, NR, alpha, c, cOff, 0);
        }
    }

    private static void addTile(int rows, int cols, float[] tile, int ldt, float alpha, float[] c, int cOff, int ldc) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[cOff + i * ldc + j] += alpha * tile[i * ldt + j];
            }
        }
    }

    /**
     * Packs the kc x nc block of op(B) whose (p, j) element is {@code b[off + p*rsb + j*csb]} into
     * panels {@code [nc/width][kc][width]}, zero-padding the last panel.
     */
    private static void packB(float[] b, int off, int rsb, int csb, int kc, int nc, float[] dst, int width) {
        for (int jr = 0, panel = 0; jr < nc; jr += width, panel += kc * width) {
            int nr = Math.min(width, nc - jr);
            if (csb == 1) {
                for (int p = 0; p < kc; p++) {
                    int d = panel + p * width;
                    System.arraycopy(b, off + p * rsb + jr, dst, d, nr);
                    if (nr < width) {
                        java.util.Arrays.fill(dst, d + nr, d + width, 0f);
                    }
                }
            } else {
                // Transposed B: read each column's k values contiguously, write them strided.
                for (int j = 0; j < width; j++) {
                    if (j < nr) {
                        int src = off + (jr + j) * csb;
                        for (int p = 0; p < kc; p++) {
                            dst[panel + p * width + j] = b[src + p * rsb];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            dst[panel + p * width + j] = 0f;
                        }
                    }
                }
            }
        }
    }

    /** C = beta * C on an m x n block (beta 0 clears, even NaN). */
    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0f ? 0f : beta * c[row + j];
            }
        }
    }

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /**
     * The register-blocked micro-kernel for a row-major A: {@code C += A * B} on a 4 x NR tile of C
     * (16 vector accumulators) from four rows of A ({@code a[aOff + i*ars + p]}) and one packed panel
     * of B ({@code [kc][NR]}).
     *
     * <p>Written out in full so that C2 keeps every accumulator in a register, and kept to the one form
     * {@code C += A*B} (callers prepare C for other alpha and beta): every extra path adds vector nodes,
     * and past C2's node budget the remaining Vector API calls are not intrinsified but run as slow,
     * allocating Java code. Every read is indexed by the loop counter times a constant plus an
     * invariant, so C2 moves all bounds checks out of the loop; with a separate running index per
     * operand and A's column stride as a variable (one kernel for both layouts of A) it had kept six
     * compare-and-branch pairs in each step, and the products ran 4-12 % slower.
     */
    static void kernel4r(int kc, float[] a, int aOff, int ars, float[] b, int bOff, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        int a0 = aOff;
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        for (int p = 0; p < kc; p++) {
            int pb = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, pb + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, pb + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            c02 = b2.fma(x0, c02);
            c03 = b3.fma(x0, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            c12 = b2.fma(x1, c12);
            c13 = b3.fma(x1, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            c22 = b2.fma(x2, c22);
            c23 = b3.fma(x2, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + p]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            c32 = b2.fma(x3, c32);
            c33 = b3.fma(x3, c33);
        }
        int r0 = cOff;
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        FloatVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
        FloatVector.fromArray(S, c, r0 + 1 * L).add(c01).intoArray(c, r0 + 1 * L);
        FloatVector.fromArray(S, c, r0 + 2 * L).add(c02).intoArray(c, r0 + 2 * L);
        FloatVector.fromArray(S, c, r0 + 3 * L).add(c03).intoArray(c, r0 + 3 * L);
        FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
        FloatVector.fromArray(S, c, r1 + 1 * L).add(c11).intoArray(c, r1 + 1 * L);
        FloatVector.fromArray(S, c, r1 + 2 * L).add(c12).intoArray(c, r1 + 2 * L);
        FloatVector.fromArray(S, c, r1 + 3 * L).add(c13).intoArray(c, r1 + 3 * L);
        FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
        FloatVector.fromArray(S, c, r2 + 1 * L).add(c21).intoArray(c, r2 + 1 * L);
        FloatVector.fromArray(S, c, r2 + 2 * L).add(c22).intoArray(c, r2 + 2 * L);
        FloatVector.fromArray(S, c, r2 + 3 * L).add(c23).intoArray(c, r2 + 3 * L);
        FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
        FloatVector.fromArray(S, c, r3 + 1 * L).add(c31).intoArray(c, r3 + 1 * L);
        FloatVector.fromArray(S, c, r3 + 2 * L).add(c32).intoArray(c, r3 + 2 * L);
        FloatVector.fromArray(S, c, r3 + 3 * L).add(c33).intoArray(c, r3 + 3 * L);
    }

    /**
     * {@link #kernel4r} for a transposed A ({@code a[aOff + i + p*acs]}): the tile's four values of a
     * step are neighbours, read at constant offsets from one index.
     */
    static void kernel4t(int kc, float[] a, int aOff, int acs, float[] b, int bOff, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        for (int p = 0, q = aOff; p < kc; p++, q += acs) {
            int pb = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, pb + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, pb + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[q + 0]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            c02 = b2.fma(x0, c02);
            c03 = b3.fma(x0, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[q + 1]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            c12 = b2.fma(x1, c12);
            c13 = b3.fma(x1, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[q + 2]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            c22 = b2.fma(x2, c22);
            c23 = b3.fma(x2, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[q + 3]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            c32 = b2.fma(x3, c32);
            c33 = b3.fma(x3, c33);
        }
        int r0 = cOff;
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        FloatVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
        FloatVector.fromArray(S, c, r0 + 1 * L).add(c01).intoArray(c, r0 + 1 * L);
        FloatVector.fromArray(S, c, r0 + 2 * L).add(c02).intoArray(c, r0 + 2 * L);
        FloatVector.fromArray(S, c, r0 + 3 * L).add(c03).intoArray(c, r0 + 3 * L);
        FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
        FloatVector.fromArray(S, c, r1 + 1 * L).add(c11).intoArray(c, r1 + 1 * L);
        FloatVector.fromArray(S, c, r1 + 2 * L).add(c12).intoArray(c, r1 + 2 * L);
        FloatVector.fromArray(S, c, r1 + 3 * L).add(c13).intoArray(c, r1 + 3 * L);
        FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
        FloatVector.fromArray(S, c, r2 + 1 * L).add(c21).intoArray(c, r2 + 1 * L);
        FloatVector.fromArray(S, c, r2 + 2 * L).add(c22).intoArray(c, r2 + 2 * L);
        FloatVector.fromArray(S, c, r2 + 3 * L).add(c23).intoArray(c, r2 + 3 * L);
        FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
        FloatVector.fromArray(S, c, r3 + 1 * L).add(c31).intoArray(c, r3 + 1 * L);
        FloatVector.fromArray(S, c, r3 + 2 * L).add(c32).intoArray(c, r3 + 2 * L);
        FloatVector.fromArray(S, c, r3 + 3 * L).add(c33).intoArray(c, r3 + 3 * L);
    }

    /** {@code C += A * B} for one row of A (element p at {@code aOff + p*acs}) and one packed panel of B. */
    static void kernel1(int kc, float[] a, int aOff, int acs, float[] b, int bOff, float[] c, int cOff) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S), c3 = FloatVector.zero(S);
        for (int p = 0, pa = aOff; p < kc; p++, pa += acs) {
            int pb = bOff + p * NR;
            FloatVector x = FloatVector.broadcast(S, a[pa]);
            c0 = FloatVector.fromArray(S, b, pb).fma(x, c0);
            c1 = FloatVector.fromArray(S, b, pb + 1 * L).fma(x, c1);
            c2 = FloatVector.fromArray(S, b, pb + 2 * L).fma(x, c2);
            c3 = FloatVector.fromArray(S, b, pb + 3 * L).fma(x, c3);
        }
        FloatVector.fromArray(S, c, cOff).add(c0).intoArray(c, cOff);
        FloatVector.fromArray(S, c, cOff + 1 * L).add(c1).intoArray(c, cOff + 1 * L);
        FloatVector.fromArray(S, c, cOff + 2 * L).add(c2).intoArray(c, cOff + 2 * L);
        FloatVector.fromArray(S, c, cOff + 3 * L).add(c3).intoArray(c, cOff + 3 * L);
    }

    /** {@link #kernel1} for a row of A read in order (element p at {@code aOff + p}), as a streaming step's state. */
    static void kernel1r(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S), c3 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int pb = bOff + p * NR;
            FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
            c0 = FloatVector.fromArray(S, b, pb).fma(x, c0);
            c1 = FloatVector.fromArray(S, b, pb + 1 * L).fma(x, c1);
            c2 = FloatVector.fromArray(S, b, pb + 2 * L).fma(x, c2);
            c3 = FloatVector.fromArray(S, b, pb + 3 * L).fma(x, c3);
        }
        FloatVector.fromArray(S, c, cOff).add(c0).intoArray(c, cOff);
        FloatVector.fromArray(S, c, cOff + 1 * L).add(c1).intoArray(c, cOff + 1 * L);
        FloatVector.fromArray(S, c, cOff + 2 * L).add(c2).intoArray(c, cOff + 2 * L);
        FloatVector.fromArray(S, c, cOff + 3 * L).add(c3).intoArray(c, cOff + 3 * L);
    }

    /**
     * The micro-kernel for narrow products (n at most two vectors, e.g. the input gradient of a layer
     * with few input features): {@code C += A * B} on an 8 x NRN tile, again 16 accumulators, with A's
     * element (i, p) at {@code a[aOff + i*ars + p*acs]} and B packed in panels of NRN columns. Used for
     * a row-major A: unlike {@link #kernel4r}, this narrow kernel ran 12-21 % slower in the form whose
     * bounds checks C2 hoists (in-process A/B on 6400x32x512 and 1600x16x256; these products stream
     * A from memory and use each value for few columns), so it keeps its running indices.
     */
    static void kernel8n(int kc, float[] a, int aOff, int ars, int acs, float[] b, int bOff, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        int a0 = aOff;
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        int a4 = a3 + ars;
        int a5 = a4 + ars;
        int a6 = a5 + ars;
        int a7 = a6 + ars;
        int pb = bOff;
        for (int p = 0, pa = 0; p < kc; p++, pb += NRN, pa += acs) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + pa]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + pa]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + pa]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + pa]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[a4 + pa]);
            c40 = b0.fma(x4, c40);
            c41 = b1.fma(x4, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[a5 + pa]);
            c50 = b0.fma(x5, c50);
            c51 = b1.fma(x5, c51);
            FloatVector x6 = FloatVector.broadcast(S, a[a6 + pa]);
            c60 = b0.fma(x6, c60);
            c61 = b1.fma(x6, c61);
            FloatVector x7 = FloatVector.broadcast(S, a[a7 + pa]);
            c70 = b0.fma(x7, c70);
            c71 = b1.fma(x7, c71);
        }
        int r0 = cOff;
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        int r6 = r5 + ldc;
        int r7 = r6 + ldc;
        FloatVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
        FloatVector.fromArray(S, c, r0 + 1 * L).add(c01).intoArray(c, r0 + 1 * L);
        FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
        FloatVector.fromArray(S, c, r1 + 1 * L).add(c11).intoArray(c, r1 + 1 * L);
        FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
        FloatVector.fromArray(S, c, r2 + 1 * L).add(c21).intoArray(c, r2 + 1 * L);
        FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
        FloatVector.fromArray(S, c, r3 + 1 * L).add(c31).intoArray(c, r3 + 1 * L);
        FloatVector.fromArray(S, c, r4).add(c40).intoArray(c, r4);
        FloatVector.fromArray(S, c, r4 + 1 * L).add(c41).intoArray(c, r4 + 1 * L);
        FloatVector.fromArray(S, c, r5).add(c50).intoArray(c, r5);
        FloatVector.fromArray(S, c, r5 + 1 * L).add(c51).intoArray(c, r5 + 1 * L);
        FloatVector.fromArray(S, c, r6).add(c60).intoArray(c, r6);
        FloatVector.fromArray(S, c, r6 + 1 * L).add(c61).intoArray(c, r6 + 1 * L);
        FloatVector.fromArray(S, c, r7).add(c70).intoArray(c, r7);
        FloatVector.fromArray(S, c, r7 + 1 * L).add(c71).intoArray(c, r7 + 1 * L);
    }

    /**
     * {@link #kernel8n} for a transposed A ({@code a[aOff + i + p*acs]}, e.g. the gradient of W_ih with
     * 32 input features): the eight values of a step are read at constant offsets from one index and
     * B by the loop counter, so C2 keeps one bounds check per step instead of ten (512x32x6400 with A
     * transposed: 1.46x in an in-process A/B).
     */
    static void kernel8t(int kc, float[] a, int aOff, int acs, float[] b, int bOff, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0, q = aOff; p < kc; p++, q += acs) {
            int pb = bOff + p * NRN;
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[q + 0]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[q + 1]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[q + 2]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[q + 3]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[q + 4]);
            c40 = b0.fma(x4, c40);
            c41 = b1.fma(x4, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[q + 5]);
            c50 = b0.fma(x5, c50);
            c51 = b1.fma(x5, c51);
            FloatVector x6 = FloatVector.broadcast(S, a[q + 6]);
            c60 = b0.fma(x6, c60);
            c61 = b1.fma(x6, c61);
            FloatVector x7 = FloatVector.broadcast(S, a[q + 7]);
            c70 = b0.fma(x7, c70);
            c71 = b1.fma(x7, c71);
        }
        int r0 = cOff;
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        int r6 = r5 + ldc;
        int r7 = r6 + ldc;
        FloatVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
        FloatVector.fromArray(S, c, r0 + 1 * L).add(c01).intoArray(c, r0 + 1 * L);
        FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
        FloatVector.fromArray(S, c, r1 + 1 * L).add(c11).intoArray(c, r1 + 1 * L);
        FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
        FloatVector.fromArray(S, c, r2 + 1 * L).add(c21).intoArray(c, r2 + 1 * L);
        FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
        FloatVector.fromArray(S, c, r3 + 1 * L).add(c31).intoArray(c, r3 + 1 * L);
        FloatVector.fromArray(S, c, r4).add(c40).intoArray(c, r4);
        FloatVector.fromArray(S, c, r4 + 1 * L).add(c41).intoArray(c, r4 + 1 * L);
        FloatVector.fromArray(S, c, r5).add(c50).intoArray(c, r5);
        FloatVector.fromArray(S, c, r5 + 1 * L).add(c51).intoArray(c, r5 + 1 * L);
        FloatVector.fromArray(S, c, r6).add(c60).intoArray(c, r6);
        FloatVector.fromArray(S, c, r6 + 1 * L).add(c61).intoArray(c, r6 + 1 * L);
        FloatVector.fromArray(S, c, r7).add(c70).intoArray(c, r7);
        FloatVector.fromArray(S, c, r7 + 1 * L).add(c71).intoArray(c, r7 + 1 * L);
    }

    /**
     * The micro-kernel for the narrowest products (n at most one vector, e.g. the weight and input
     * gradients of a layer with 16 input features): {@code C += A * B} on a 16 x L tile, one vector
     * accumulator per row, A addressed as in {@link #kernel8n} (row-major) and B packed in panels of L columns.
     */
    static void kernel16s(int kc, float[] a, int aOff, int ars, int acs, float[] b, int bOff, float[] c, int cOff, int ldc) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S), c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S), c6 = FloatVector.zero(S), c7 = FloatVector.zero(S), c8 = FloatVector.zero(S), c9 = FloatVector.zero(S), c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S), c14 = FloatVector.zero(S), c15 = FloatVector.zero(S);
        int a0 = aOff + 0 * ars;
        int a1 = aOff + 1 * ars;
        int a2 = aOff + 2 * ars;
        int a3 = aOff + 3 * ars;
        int a4 = aOff + 4 * ars;
        int a5 = aOff + 5 * ars;
        int a6 = aOff + 6 * ars;
        int a7 = aOff + 7 * ars;
        int a8 = aOff + 8 * ars;
        int a9 = aOff + 9 * ars;
        int a10 = aOff + 10 * ars;
        int a11 = aOff + 11 * ars;
        int a12 = aOff + 12 * ars;
        int a13 = aOff + 13 * ars;
        int a14 = aOff + 14 * ars;
        int a15 = aOff + 15 * ars;
        int pb = bOff;
        for (int p = 0, pa = 0; p < kc; p++, pb += L, pa += acs) {
            FloatVector bv = FloatVector.fromArray(S, b, pb);
            c0 = bv.fma(FloatVector.broadcast(S, a[a0 + pa]), c0);
            c1 = bv.fma(FloatVector.broadcast(S, a[a1 + pa]), c1);
            c2 = bv.fma(FloatVector.broadcast(S, a[a2 + pa]), c2);
            c3 = bv.fma(FloatVector.broadcast(S, a[a3 + pa]), c3);
            c4 = bv.fma(FloatVector.broadcast(S, a[a4 + pa]), c4);
            c5 = bv.fma(FloatVector.broadcast(S, a[a5 + pa]), c5);
            c6 = bv.fma(FloatVector.broadcast(S, a[a6 + pa]), c6);
            c7 = bv.fma(FloatVector.broadcast(S, a[a7 + pa]), c7);
            c8 = bv.fma(FloatVector.broadcast(S, a[a8 + pa]), c8);
            c9 = bv.fma(FloatVector.broadcast(S, a[a9 + pa]), c9);
            c10 = bv.fma(FloatVector.broadcast(S, a[a10 + pa]), c10);
            c11 = bv.fma(FloatVector.broadcast(S, a[a11 + pa]), c11);
            c12 = bv.fma(FloatVector.broadcast(S, a[a12 + pa]), c12);
            c13 = bv.fma(FloatVector.broadcast(S, a[a13 + pa]), c13);
            c14 = bv.fma(FloatVector.broadcast(S, a[a14 + pa]), c14);
            c15 = bv.fma(FloatVector.broadcast(S, a[a15 + pa]), c15);
        }
        FloatVector.fromArray(S, c, cOff + 0 * ldc).add(c0).intoArray(c, cOff + 0 * ldc);
        FloatVector.fromArray(S, c, cOff + 1 * ldc).add(c1).intoArray(c, cOff + 1 * ldc);
        FloatVector.fromArray(S, c, cOff + 2 * ldc).add(c2).intoArray(c, cOff + 2 * ldc);
        FloatVector.fromArray(S, c, cOff + 3 * ldc).add(c3).intoArray(c, cOff + 3 * ldc);
        FloatVector.fromArray(S, c, cOff + 4 * ldc).add(c4).intoArray(c, cOff + 4 * ldc);
        FloatVector.fromArray(S, c, cOff + 5 * ldc).add(c5).intoArray(c, cOff + 5 * ldc);
        FloatVector.fromArray(S, c, cOff + 6 * ldc).add(c6).intoArray(c, cOff + 6 * ldc);
        FloatVector.fromArray(S, c, cOff + 7 * ldc).add(c7).intoArray(c, cOff + 7 * ldc);
        FloatVector.fromArray(S, c, cOff + 8 * ldc).add(c8).intoArray(c, cOff + 8 * ldc);
        FloatVector.fromArray(S, c, cOff + 9 * ldc).add(c9).intoArray(c, cOff + 9 * ldc);
        FloatVector.fromArray(S, c, cOff + 10 * ldc).add(c10).intoArray(c, cOff + 10 * ldc);
        FloatVector.fromArray(S, c, cOff + 11 * ldc).add(c11).intoArray(c, cOff + 11 * ldc);
        FloatVector.fromArray(S, c, cOff + 12 * ldc).add(c12).intoArray(c, cOff + 12 * ldc);
        FloatVector.fromArray(S, c, cOff + 13 * ldc).add(c13).intoArray(c, cOff + 13 * ldc);
        FloatVector.fromArray(S, c, cOff + 14 * ldc).add(c14).intoArray(c, cOff + 14 * ldc);
        FloatVector.fromArray(S, c, cOff + 15 * ldc).add(c15).intoArray(c, cOff + 15 * ldc);
    }

    /**
     * {@link #kernel16s} for a transposed A ({@code ars == 1}): the 16 values of a step are
     * neighbours, read at constant offsets from one index, so C2 checks their bounds once per step
     * instead of once per value.
     */
    static void kernel16t(int kc, float[] a, int aOff, int acs, float[] b, int bOff, float[] c, int cOff, int ldc) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S), c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S), c6 = FloatVector.zero(S), c7 = FloatVector.zero(S), c8 = FloatVector.zero(S), c9 = FloatVector.zero(S), c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S), c14 = FloatVector.zero(S), c15 = FloatVector.zero(S);
        for (int p = 0, q = aOff; p < kc; p++, q += acs) {
            FloatVector bv = FloatVector.fromArray(S, b, bOff + p * L);
            c0 = bv.fma(FloatVector.broadcast(S, a[q + 0]), c0);
            c1 = bv.fma(FloatVector.broadcast(S, a[q + 1]), c1);
            c2 = bv.fma(FloatVector.broadcast(S, a[q + 2]), c2);
            c3 = bv.fma(FloatVector.broadcast(S, a[q + 3]), c3);
            c4 = bv.fma(FloatVector.broadcast(S, a[q + 4]), c4);
            c5 = bv.fma(FloatVector.broadcast(S, a[q + 5]), c5);
            c6 = bv.fma(FloatVector.broadcast(S, a[q + 6]), c6);
            c7 = bv.fma(FloatVector.broadcast(S, a[q + 7]), c7);
            c8 = bv.fma(FloatVector.broadcast(S, a[q + 8]), c8);
            c9 = bv.fma(FloatVector.broadcast(S, a[q + 9]), c9);
            c10 = bv.fma(FloatVector.broadcast(S, a[q + 10]), c10);
            c11 = bv.fma(FloatVector.broadcast(S, a[q + 11]), c11);
            c12 = bv.fma(FloatVector.broadcast(S, a[q + 12]), c12);
            c13 = bv.fma(FloatVector.broadcast(S, a[q + 13]), c13);
            c14 = bv.fma(FloatVector.broadcast(S, a[q + 14]), c14);
            c15 = bv.fma(FloatVector.broadcast(S, a[q + 15]), c15);
        }
        FloatVector.fromArray(S, c, cOff + 0 * ldc).add(c0).intoArray(c, cOff + 0 * ldc);
        FloatVector.fromArray(S, c, cOff + 1 * ldc).add(c1).intoArray(c, cOff + 1 * ldc);
        FloatVector.fromArray(S, c, cOff + 2 * ldc).add(c2).intoArray(c, cOff + 2 * ldc);
        FloatVector.fromArray(S, c, cOff + 3 * ldc).add(c3).intoArray(c, cOff + 3 * ldc);
        FloatVector.fromArray(S, c, cOff + 4 * ldc).add(c4).intoArray(c, cOff + 4 * ldc);
        FloatVector.fromArray(S, c, cOff + 5 * ldc).add(c5).intoArray(c, cOff + 5 * ldc);
        FloatVector.fromArray(S, c, cOff + 6 * ldc).add(c6).intoArray(c, cOff + 6 * ldc);
        FloatVector.fromArray(S, c, cOff + 7 * ldc).add(c7).intoArray(c, cOff + 7 * ldc);
        FloatVector.fromArray(S, c, cOff + 8 * ldc).add(c8).intoArray(c, cOff + 8 * ldc);
        FloatVector.fromArray(S, c, cOff + 9 * ldc).add(c9).intoArray(c, cOff + 9 * ldc);
        FloatVector.fromArray(S, c, cOff + 10 * ldc).add(c10).intoArray(c, cOff + 10 * ldc);
        FloatVector.fromArray(S, c, cOff + 11 * ldc).add(c11).intoArray(c, cOff + 11 * ldc);
        FloatVector.fromArray(S, c, cOff + 12 * ldc).add(c12).intoArray(c, cOff + 12 * ldc);
        FloatVector.fromArray(S, c, cOff + 13 * ldc).add(c13).intoArray(c, cOff + 13 * ldc);
        FloatVector.fromArray(S, c, cOff + 14 * ldc).add(c14).intoArray(c, cOff + 14 * ldc);
        FloatVector.fromArray(S, c, cOff + 15 * ldc).add(c15).intoArray(c, cOff + 15 * ldc);
    }
}
