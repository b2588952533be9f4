package dev.rnn4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused pointwise math of the LSTM, GRU and Elman cells with the Vector API; the contracts are
 * those of {@link Kernels}. A forward step makes two passes over a row (GRU: three, adding its
 * recurrent part first): activate the gate blocks (one activation loop each, see {@link VectorActivations}), then combine
 * gates and state in one loop that applies at most one activation. Each loop has a scalar tail
 * written with the same formulas.
 */
final class VectorCells {

    private static final VectorSpecies<Float> S = VectorConstants.FLOATS;
    private static final int L = VectorConstants.LANES;

    private VectorCells() {
    }

    /** {@code y[yOff+i] += x[xOff+i]} for n elements. */
    static void add(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, y, yOff + i).add(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += x[xOff + i];
        }
    }

    /**
     * Index of the first non-finite element, or -1. x * 0 is NaN exactly when x is NaN or infinite,
     * and a sum with a NaN in it stays NaN, so a block of 64 vectors is checked with four chains of
     * one multiply-add each and one test at its end; only a block that fails is searched element
     * by element. An input check that the scalar loop made cost 80 us per call on a 64 x 100 x 32
     * batch, about 2 % of a two-thread inference pass, all of it on one thread.
     */
    static int firstNonFinite(int n, float[] x, int off) {
        int block = 64 * L;
        int i = 0;
        for (; i + block <= n; i += block) {
            FloatVector zero = FloatVector.zero(S);
            FloatVector s0 = zero, s1 = zero, s2 = zero, s3 = zero;
            for (int j = off + i, end = j + block; j < end; j += 4 * L) {
                s0 = FloatVector.fromArray(S, x, j).fma(zero, s0);
                s1 = FloatVector.fromArray(S, x, j + L).fma(zero, s1);
                s2 = FloatVector.fromArray(S, x, j + 2 * L).fma(zero, s2);
                s3 = FloatVector.fromArray(S, x, j + 3 * L).fma(zero, s3);
            }
            FloatVector s = s0.add(s1).add(s2.add(s3));
            if (s.compare(VectorOperators.NE, s).anyTrue()) {
                break;
            }
        }
        for (; i < n; i++) {
            if (!Float.isFinite(x[off + i])) {
                return i;
            }
        }
        return -1;
    }

    static void lstmForward(int rows, int hidden, float[] gates, int gatesOff,
                            float[] c, int cPrevOff, int cOff, float[] h, int hOff) {
        int width = 4 * hidden;
        for (int r = 0; r < rows; r++) {
            int g = gatesOff + r * width;
            VectorActivations.sigmoid(gates, g, 2 * hidden);
            VectorActivations.tanh(gates, g + 2 * hidden, hidden);
            VectorActivations.sigmoid(gates, g + 3 * hidden, hidden);
            lstmState(hidden, gates, g, c, cPrevOff + r * hidden, cOff + r * hidden, h, hOff + r * hidden);
        }
    }

    /**
     * c' = f*c + i*g; h' = o*tanh(c'), from activated gates, in three passes over the row: the new
     * cell state, its tanh (by the four-vector activation loop, see {@link VectorActivations}), then
     * the product with o. The same operations on the same values as one fused pass; splitting them
     * lets the tanh run four independent chains at a time.
     */
    private static void lstmState(int hidden, float[] gates, int g, float[] c, int cPrev, int cCur, float[] h, int hCur) {
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector i = FloatVector.fromArray(S, gates, g + j);
            FloatVector f = FloatVector.fromArray(S, gates, g + hidden + j);
            FloatVector cand = FloatVector.fromArray(S, gates, g + 2 * hidden + j);
            f.mul(FloatVector.fromArray(S, c, cPrev + j)).add(i.mul(cand)).intoArray(c, cCur + j);
        }
        for (; j < hidden; j++) {
            c[cCur + j] = gates[g + hidden + j] * c[cPrev + j] + gates[g + j] * gates[g + 2 * hidden + j];
        }
        VectorActivations.tanh(c, cCur, h, hCur, hidden);
        int o = g + 3 * hidden;
        j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector.fromArray(S, gates, o + j).mul(FloatVector.fromArray(S, h, hCur + j)).intoArray(h, hCur + j);
        }
        for (; j < hidden; j++) {
            h[hCur + j] = gates[o + j] * h[hCur + j];
        }
    }

    static void lstmBackward(int rows, int hidden, float[] gates, int gatesOff, float[] c, int cPrevOff, int cOff,
                             float[] dh, float[] dc, float[] dGates, int dGatesOff, float[] dcPrev) {
        int width = 4 * hidden;
        for (int r = 0; r < rows; r++) {
            lstmBackwardRow(hidden, gates, gatesOff + r * width, c, cPrevOff + r * hidden, cOff + r * hidden,
                    dh, dc, r * hidden, dGates, dGatesOff + r * width, dcPrev);
        }
    }

    private static void lstmBackwardRow(int hidden, float[] gates, int g, float[] c, int cPrev, int cCur,
                                        float[] dh, float[] dc, int s, float[] dGates, int d, float[] dcPrev) {
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector i = FloatVector.fromArray(S, gates, g + j);
            FloatVector f = FloatVector.fromArray(S, gates, g + hidden + j);
            FloatVector cand = FloatVector.fromArray(S, gates, g + 2 * hidden + j);
            FloatVector o = FloatVector.fromArray(S, gates, g + 3 * hidden + j);
            FloatVector tc = VectorActivations.tanh(FloatVector.fromArray(S, c, cCur + j));
            FloatVector gradH = FloatVector.fromArray(S, dh, s + j);
            FloatVector one = FloatVector.broadcast(S, 1f);
            // dcTotal = dc + dh * o * (1 - tc^2)
            FloatVector dcTotal = gradH.mul(o).mul(one.sub(tc.mul(tc))).add(FloatVector.fromArray(S, dc, s + j));
            dcTotal.mul(cand).mul(i).mul(one.sub(i)).intoArray(dGates, d + j);
            dcTotal.mul(FloatVector.fromArray(S, c, cPrev + j)).mul(f).mul(one.sub(f)).intoArray(dGates, d + hidden + j);
            dcTotal.mul(i).mul(one.sub(cand.mul(cand))).intoArray(dGates, d + 2 * hidden + j);
            gradH.mul(tc).mul(o).mul(one.sub(o)).intoArray(dGates, d + 3 * hidden + j);
            dcTotal.mul(f).intoArray(dcPrev, s + j);
        }
        for (; j < hidden; j++) {
            float i = gates[g + j];
            float f = gates[g + hidden + j];
            float cand = gates[g + 2 * hidden + j];
            float o = gates[g + 3 * hidden + j];
            float tc = VectorActivations.tanh(c[cCur + j]);
            float gradH = dh[s + j];
            float dcTotal = gradH * o * (1 - tc * tc) + dc[s + j];
            dGates[d + j] = dcTotal * cand * i * (1 - i);
            dGates[d + hidden + j] = dcTotal * c[cPrev + j] * f * (1 - f);
            dGates[d + 2 * hidden + j] = dcTotal * i * (1 - cand * cand);
            dGates[d + 3 * hidden + j] = gradH * tc * o * (1 - o);
            dcPrev[s + j] = dcTotal * f;
        }
    }

    static void gruForward(int rows, int hidden, float[] gates, int gatesOff, float[] rec, int recOff,
                           float[] h, int hPrevOff, int hOff) {
        int width = 3 * hidden;
        for (int r = 0; r < rows; r++) {
            int g = gatesOff + r * width;
            int q = recOff + r * width;
            add(2 * hidden, rec, q, gates, g);
            VectorActivations.sigmoid(gates, g, 2 * hidden);
            gruState(hidden, gates, g, rec, q, h, hPrevOff + r * hidden, hOff + r * hidden);
        }
    }

    /** n = tanh(x_n + r * rec_n) (stored over the n block); h' = n + z * (h - n). */
    private static void gruState(int hidden, float[] gates, int g, float[] rec, int q, float[] h, int hPrev, int hCur) {
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector reset = FloatVector.fromArray(S, gates, g + j);
            FloatVector update = FloatVector.fromArray(S, gates, g + hidden + j);
            FloatVector pre = reset.fma(FloatVector.fromArray(S, rec, q + 2 * hidden + j),
                    FloatVector.fromArray(S, gates, g + 2 * hidden + j));
            FloatVector cand = VectorActivations.tanh(pre);
            cand.intoArray(gates, g + 2 * hidden + j);
            FloatVector old = FloatVector.fromArray(S, h, hPrev + j);
            update.fma(old.sub(cand), cand).intoArray(h, hCur + j);
        }
        for (; j < hidden; j++) {
            float reset = gates[g + j];
            float update = gates[g + hidden + j];
            float cand = VectorActivations.tanh(Math.fma(reset, rec[q + 2 * hidden + j], gates[g + 2 * hidden + j]));
            gates[g + 2 * hidden + j] = cand;
            h[hCur + j] = Math.fma(update, h[hPrev + j] - cand, cand);
        }
    }

    static void gruBackward(int rows, int hidden, float[] gates, int gatesOff, float[] rec, int recOff,
                            float[] h, int hPrevOff, float[] dh,
                            float[] dGatesX, int dGatesXOff, float[] dGatesH, int dGatesHOff, float[] dhPrev) {
        int width = 3 * hidden;
        for (int r = 0; r < rows; r++) {
            gruBackwardRow(hidden, gates, gatesOff + r * width, rec, recOff + r * width, h, hPrevOff + r * hidden,
                    dh, r * hidden, dGatesX, dGatesXOff + r * width, dGatesH, dGatesHOff + r * width, dhPrev);
        }
    }

    private static void gruBackwardRow(int hidden, float[] gates, int g, float[] rec, int q, float[] h, int hPrev,
                                       float[] dh, int s, float[] dGatesX, int dx, float[] dGatesH, int dhh,
                                       float[] dhPrev) {
        int j = 0;
        for (int bound = S.loopBound(hidden); j < bound; j += L) {
            FloatVector one = FloatVector.broadcast(S, 1f);
            FloatVector reset = FloatVector.fromArray(S, gates, g + j);
            FloatVector update = FloatVector.fromArray(S, gates, g + hidden + j);
            FloatVector cand = FloatVector.fromArray(S, gates, g + 2 * hidden + j);
            FloatVector old = FloatVector.fromArray(S, h, hPrev + j);
            FloatVector grad = FloatVector.fromArray(S, dh, s + j);
            FloatVector dCandPre = grad.mul(one.sub(update)).mul(one.sub(cand.mul(cand)));
            FloatVector dUpdatePre = grad.mul(old.sub(cand)).mul(update).mul(one.sub(update));
            FloatVector dResetPre = dCandPre.mul(FloatVector.fromArray(S, rec, q + 2 * hidden + j))
                    .mul(reset).mul(one.sub(reset));
            dResetPre.intoArray(dGatesX, dx + j);
            dUpdatePre.intoArray(dGatesX, dx + hidden + j);
            dCandPre.intoArray(dGatesX, dx + 2 * hidden + j);
            dResetPre.intoArray(dGatesH, dhh + j);
            dUpdatePre.intoArray(dGatesH, dhh + hidden + j);
            dCandPre.mul(reset).intoArray(dGatesH, dhh + 2 * hidden + j);
            grad.fma(update, FloatVector.fromArray(S, dhPrev, s + j)).intoArray(dhPrev, s + j);
        }
        for (; j < hidden; j++) {
            float reset = gates[g + j];
            float update = gates[g + hidden + j];
            float cand = gates[g + 2 * hidden + j];
            float grad = dh[s + j];
            float dCandPre = grad * (1 - update) * (1 - cand * cand);
            float dUpdatePre = grad * (h[hPrev + j] - cand) * update * (1 - update);
            float dResetPre = dCandPre * rec[q + 2 * hidden + j] * reset * (1 - reset);
            dGatesX[dx + j] = dResetPre;
            dGatesX[dx + hidden + j] = dUpdatePre;
            dGatesX[dx + 2 * hidden + j] = dCandPre;
            dGatesH[dhh + j] = dResetPre;
            dGatesH[dhh + hidden + j] = dUpdatePre;
            dGatesH[dhh + 2 * hidden + j] = dCandPre * reset;
            dhPrev[s + j] = Math.fma(grad, update, dhPrev[s + j]);
        }
    }

    static void elmanForward(Activation activation, int rows, int hidden, float[] gates, int gatesOff,
                             float[] h, int hOff) {
        int n = rows * hidden;
        if (activation == Activation.TANH) {
            VectorActivations.tanh(gates, gatesOff, n);
            System.arraycopy(gates, gatesOff, h, hOff, n);
        } else {
            relu(n, gates, gatesOff, h, hOff);
        }
    }

    private static void relu(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).max(0f).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.max(x[xOff + i], 0f);
        }
    }

    static void elmanBackward(Activation activation, int rows, int hidden, float[] h, int hOff, float[] dh,
                              float[] dGates, int dGatesOff) {
        if (activation == Activation.TANH) {
            tanhBackward(rows * hidden, h, hOff, dh, dGates, dGatesOff);
        } else {
            reluBackward(rows * hidden, h, hOff, dh, dGates, dGatesOff);
        }
    }

    /** d = dh * (1 - out^2). Separate loops per activation: no vector flows through a branch. */
    private static void tanhBackward(int n, float[] h, int hOff, float[] dh, float[] dGates, int dGatesOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector out = FloatVector.fromArray(S, h, hOff + i);
            FloatVector.fromArray(S, dh, i).mul(FloatVector.broadcast(S, 1f).sub(out.mul(out)))
                    .intoArray(dGates, dGatesOff + i);
        }
        for (; i < n; i++) {
            float out = h[hOff + i];
            dGates[dGatesOff + i] = dh[i] * (1 - out * out);
        }
    }

    /** d = dh where out > 0, else 0. */
    private static void reluBackward(int n, float[] h, int hOff, float[] dh, float[] dGates, int dGatesOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector out = FloatVector.fromArray(S, h, hOff + i);
            FloatVector.fromArray(S, dh, i).blend(0f, out.compare(VectorOperators.LE, 0f))
                    .intoArray(dGates, dGatesOff + i);
        }
        for (; i < n; i++) {
            dGates[dGatesOff + i] = h[hOff + i] > 0 ? dh[i] : 0f;
        }
    }

    static void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx) {
        for (int r = 0; r < rows; r++) {
            add(cols, bias, biasOff, x, xOff + r * ldx);
        }
    }

    /** Column sums, four vectors of columns at a time so the running sums stay in registers. */
    static void addColumnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
        int j = 0;
        // Sixteen column vectors at a time where the matrix is that wide: each row is then read as
        // one contiguous kilobyte, which the prefetchers follow even when rows are a page apart,
        // and sixteen independent chains of adds hide the add's latency.
        for (; j + 16 * L <= cols; j += 16 * L) {
            columnSums16(rows, a, aOff + j, lda, sums, sumsOff + j);
        }
        // Then four: one chain waits out the add's latency at every row and ran 3 to 4 times
        // slower over the long gradient columns.
        for (; j + 4 * L <= cols; j += 4 * L) {
            FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
            for (int r = 0, row = aOff + j; r < rows; r++, row += lda) {
                s0 = s0.add(FloatVector.fromArray(S, a, row));
                s1 = s1.add(FloatVector.fromArray(S, a, row + L));
                s2 = s2.add(FloatVector.fromArray(S, a, row + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, a, row + 3 * L));
            }
            int s = sumsOff + j;
            s0.add(FloatVector.fromArray(S, sums, s)).intoArray(sums, s);
            s1.add(FloatVector.fromArray(S, sums, s + L)).intoArray(sums, s + L);
            s2.add(FloatVector.fromArray(S, sums, s + 2 * L)).intoArray(sums, s + 2 * L);
            s3.add(FloatVector.fromArray(S, sums, s + 3 * L)).intoArray(sums, s + 3 * L);
        }
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            FloatVector acc = FloatVector.zero(S);
            for (int r = 0; r < rows; r++) {
                acc = acc.add(FloatVector.fromArray(S, a, aOff + r * lda + j));
            }
            acc.add(FloatVector.fromArray(S, sums, sumsOff + j)).intoArray(sums, sumsOff + j);
        }
        for (; j < cols; j++) {
            float s = 0f;
            for (int r = 0; r < rows; r++) {
                s += a[aOff + r * lda + j];
            }
            sums[sumsOff + j] += s;
        }
    }

    /** Adds the column sums of a rows x 16-vector block (at {@code aOff}) to {@code sums[sumsOff ..]}. */
    private static void columnSums16(int rows, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S), s4 = FloatVector.zero(S), s5 = FloatVector.zero(S), s6 = FloatVector.zero(S), s7 = FloatVector.zero(S), s8 = FloatVector.zero(S), s9 = FloatVector.zero(S), s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S), s13 = FloatVector.zero(S), s14 = FloatVector.zero(S), s15 = FloatVector.zero(S);
        for (int r = 0, row = aOff; r < rows; r++, row += lda) {
            s0 = s0.add(FloatVector.fromArray(S, a, row));
            s1 = s1.add(FloatVector.fromArray(S, a, row + 1 * L));
            s2 = s2.add(FloatVector.fromArray(S, a, row + 2 * L));
            s3 = s3.add(FloatVector.fromArray(S, a, row + 3 * L));
            s4 = s4.add(FloatVector.fromArray(S, a, row + 4 * L));
            s5 = s5.add(FloatVector.fromArray(S, a, row + 5 * L));
            s6 = s6.add(FloatVector.fromArray(S, a, row + 6 * L));
            s7 = s7.add(FloatVector.fromArray(S, a, row + 7 * L));
            s8 = s8.add(FloatVector.fromArray(S, a, row + 8 * L));
            s9 = s9.add(FloatVector.fromArray(S, a, row + 9 * L));
            s10 = s10.add(FloatVector.fromArray(S, a, row + 10 * L));
            s11 = s11.add(FloatVector.fromArray(S, a, row + 11 * L));
            s12 = s12.add(FloatVector.fromArray(S, a, row + 12 * L));
            s13 = s13.add(FloatVector.fromArray(S, a, row + 13 * L));
            s14 = s14.add(FloatVector.fromArray(S, a, row + 14 * L));
            s15 = s15.add(FloatVector.fromArray(S, a, row + 15 * L));
        }
        s0.add(FloatVector.fromArray(S, sums, sumsOff)).intoArray(sums, sumsOff);
        s1.add(FloatVector.fromArray(S, sums, sumsOff + 1 * L)).intoArray(sums, sumsOff + 1 * L);
        s2.add(FloatVector.fromArray(S, sums, sumsOff + 2 * L)).intoArray(sums, sumsOff + 2 * L);
        s3.add(FloatVector.fromArray(S, sums, sumsOff + 3 * L)).intoArray(sums, sumsOff + 3 * L);
        s4.add(FloatVector.fromArray(S, sums, sumsOff + 4 * L)).intoArray(sums, sumsOff + 4 * L);
        s5.add(FloatVector.fromArray(S, sums, sumsOff + 5 * L)).intoArray(sums, sumsOff + 5 * L);
        s6.add(FloatVector.fromArray(S, sums, sumsOff + 6 * L)).intoArray(sums, sumsOff + 6 * L);
        s7.add(FloatVector.fromArray(S, sums, sumsOff + 7 * L)).intoArray(sums, sumsOff + 7 * L);
        s8.add(FloatVector.fromArray(S, sums, sumsOff + 8 * L)).intoArray(sums, sumsOff + 8 * L);
        s9.add(FloatVector.fromArray(S, sums, sumsOff + 9 * L)).intoArray(sums, sumsOff + 9 * L);
        s10.add(FloatVector.fromArray(S, sums, sumsOff + 10 * L)).intoArray(sums, sumsOff + 10 * L);
        s11.add(FloatVector.fromArray(S, sums, sumsOff + 11 * L)).intoArray(sums, sumsOff + 11 * L);
        s12.add(FloatVector.fromArray(S, sums, sumsOff + 12 * L)).intoArray(sums, sumsOff + 12 * L);
        s13.add(FloatVector.fromArray(S, sums, sumsOff + 13 * L)).intoArray(sums, sumsOff + 13 * L);
        s14.add(FloatVector.fromArray(S, sums, sumsOff + 14 * L)).intoArray(sums, sumsOff + 14 * L);
        s15.add(FloatVector.fromArray(S, sums, sumsOff + 15 * L)).intoArray(sums, sumsOff + 15 * L);
    }
}
