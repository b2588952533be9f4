package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.PackedMatrix;
import dev.rnn4j.kernel.Transpose;
import java.util.Arrays;

/**
 * The time loop of one direction of one layer, shared by every cell type; forward, then backward.
 *
 * <p>Shaped for speed as well as clarity: the input projection of all timesteps is one product
 * before the loop, each step is one product with the (once-packed) recurrent weights plus the
 * cell's fused pointwise math, and the weight gradients are one product each after the backward
 * loop. Rows past their length are computed and then overwritten: their state is carried
 * unchanged, their output is zero and no gradient flows through them, which is exactly PyTorch's
 * packed-sequence behaviour.
 */
final class DirectionPass {

    private DirectionPass() {
    }

    /**
     * Runs one direction over a time-major input [T][B][in] and writes its outputs into columns
     * {@code [yOff, yOff+H)} of the time-major output {@code y} [T][B][yWidth].
     *
     * @param h0 initial hidden state [B][H] at offset {@code stateOff}, or null for zeros
     * @param c0 initial cell state (LSTM), or null for zeros
     */
    static DirectionCache forward(Kernels k, Cell cell, TimeDirection dir, float[] w, ParameterLayout.DirectionOffsets p,
                                  float[] x, int batch, int time, int hidden, int[] lengths,
                                  float[] h0, float[] c0, int stateOff, float[] y, int yWidth, int yOff) {
        return forward(k, cell, dir, w, p, x, batch, time, hidden, lengths, h0, c0, stateOff, y, yWidth, yOff, null);
    }

    /** As above, with a variational recurrent dropout mask [B][H] at {@code stateOff} (null for none). */
    static DirectionCache forward(Kernels k, Cell cell, TimeDirection dir, float[] w, ParameterLayout.DirectionOffsets p,
                                  float[] x, int batch, int time, int hidden, int[] lengths,
                                  float[] h0, float[] c0, int stateOff, float[] y, int yWidth, int yOff,
                                  float[] recurrentMask) {
        DirectionCache m = new DirectionCache(cell, dir, batch, time, hidden, lengths, x);
        // >>> recurrent dropout hook (1/4): remember the mask; the loop then feeds h ⊙ mask to W_hh.
        if (recurrentMask != null) {
            m.recurrentMask = recurrentMask;
            m.recurrentMaskOffset = stateOff;
            m.maskedH = new float[m.h.length];
        }
        // <<<
        int in = p.inputSize();
        int gw = m.gateWidth;
        int rows = batch * time;

        // Input projection of every timestep at once: gates = X · W_ih^T + b_ih.
        k.gemm(Transpose.NO, Transpose.YES, rows, gw, in, 1f, x, 0, in, w, p.weightIh(), in, 0f, m.gates, 0, gw);
        if (p.hasBias()) {
            k.addBias(rows, gw, w, p.biasIh(), m.gates, 0, gw);
        }
        int bh = batch * hidden;
        int init = m.stateOffset(dir.initialSlot(time));
        if (h0 != null) {
            System.arraycopy(h0, stateOff, m.h, init, bh);
        }
        if (c0 != null && m.c != null) {
            System.arraycopy(c0, stateOff, m.c, init, bh);
        }

        PackedMatrix whhT = k.pack(Transpose.YES, hidden, gw, w, p.weightHh(), hidden);
        for (int step = 0; step < time; step++) {
            int t = dir.timeAt(step, time);
            int recOff = cell.keepsRecurrentPreactivations() ? m.gatesOffset(t) : 0;
            float[] hIn = m.h;
            // >>> recurrent dropout hook (2/4): the recurrent product reads the masked previous state.
            if (m.recurrentMask != null) {
                RecurrentDropoutHook.maskSlot(m, m.stateOffset(dir.prevSlot(t)));
                hIn = m.maskedH;
            }
            // <<<
            k.gemmPacked(batch, hIn, m.stateOffset(dir.prevSlot(t)), hidden, whhT, 0f, m.rec, recOff, gw);
            if (p.hasBias()) {
                k.addBias(batch, gw, w, p.biasHh(), m.rec, recOff, gw);
            }
            cell.forward(k, m, t, recOff);
            int prev = m.stateOffset(dir.prevSlot(t));
            int cur = m.stateOffset(dir.curSlot(t));
            for (int b = 0; b < batch; b++) {
                int yRow = (t * batch + b) * yWidth + yOff;
                if (m.active(b, t)) {
                    System.arraycopy(m.h, cur + b * hidden, y, yRow, hidden);
                } else {
                    System.arraycopy(m.h, prev + b * hidden, m.h, cur + b * hidden, hidden);
                    if (m.c != null) {
                        System.arraycopy(m.c, prev + b * hidden, m.c, cur + b * hidden, hidden);
                    }
                    Arrays.fill(y, yRow, yRow + hidden, 0f);
                }
            }
        }
        return m;
    }

    /** Copies the final hidden (or cell) state [B][H] of a finished forward pass into {@code out}. */
    static void finalState(DirectionCache m, float[] states, float[] out, int outOff) {
        System.arraycopy(states, m.stateOffset(m.direction.finalSlot(m.time)), out, outOff, m.batch * m.hidden);
    }

    /**
     * Backward through one direction. Accumulates parameter gradients into {@code g} (same layout
     * as the weights) and the input gradient into {@code dx} [T][B][in]; writes the initial-state
     * gradients into {@code dh0}/{@code dc0} at {@code stateOff}.
     *
     * @param dy  upstream gradient of the output [T][B][yWidth] (this direction's columns start at yOff), or null
     * @param dhN upstream gradient of the final hidden state [B][H] at stateOff, or null
     * @param dcN upstream gradient of the final cell state (LSTM), or null
     */
    static void backward(Kernels k, Cell cell, DirectionCache m, float[] w, float[] g, ParameterLayout.DirectionOffsets p,
                         float[] dy, int yWidth, int yOff, float[] dhN, float[] dcN, int stateOff,
                         float[] dx, float[] dh0, float[] dc0) {
        int batch = m.batch;
        int hidden = m.hidden;
        int time = m.time;
        int gw = m.gateWidth;
        int bh = batch * hidden;
        int in = p.inputSize();
        TimeDirection dir = m.direction;

        float[] dh = new float[bh];
        float[] dhPrev = new float[bh];
        float[] dc = new float[bh];
        float[] dcPrev = new float[bh];
        float[] maskScratch = m.recurrentMask == null ? null : new float[bh];
        if (dhN != null) {
            System.arraycopy(dhN, stateOff, dh, 0, bh);
        }
        if (dcN != null && m.c != null) {
            System.arraycopy(dcN, stateOff, dc, 0, bh);
        }
        float[] dGatesX = new float[time * batch * gw];
        float[] dGatesH = cell.splitsRecurrentGradient() ? new float[time * batch * gw] : dGatesX;

        PackedMatrix whh = k.pack(Transpose.NO, gw, hidden, w, p.weightHh(), hidden);
        for (int step = time - 1; step >= 0; step--) {
            int t = dir.timeAt(step, time);
            int recOff = cell.keepsRecurrentPreactivations() ? m.gatesOffset(t) : 0;
            if (dy != null) {
                for (int b = 0; b < batch; b++) {
                    if (m.active(b, t)) {
                        int yRow = (t * batch + b) * yWidth + yOff;
                        for (int j = 0; j < hidden; j++) {
                            dh[b * hidden + j] += dy[yRow + j];
                        }
                    }
                }
            }
            Arrays.fill(dhPrev, 0f);
            cell.backward(k, m, t, recOff, dh, dc, dcPrev, dGatesX, dGatesH, dhPrev);
            int gOff = m.gatesOffset(t);
            for (int b = 0; b < batch; b++) {
                if (!m.active(b, t)) {
                    // A skipped step is the identity on the state: the gradient passes through untouched.
                    Arrays.fill(dGatesX, gOff + b * gw, gOff + (b + 1) * gw, 0f);
                    Arrays.fill(dGatesH, gOff + b * gw, gOff + (b + 1) * gw, 0f);
                    System.arraycopy(dh, b * hidden, dhPrev, b * hidden, hidden);
                    System.arraycopy(dc, b * hidden, dcPrev, b * hidden, hidden);
                }
            }
            // >>> recurrent dropout hook (3/4): the recurrent path's gradient passes through the mask.
            if (m.recurrentMask != null) {
                RecurrentDropoutHook.addMaskedRecurrentGradient(k, m, dGatesH, gOff, whh, maskScratch, dhPrev);
            } else {
                k.gemmPacked(batch, dGatesH, gOff, gw, whh, 1f, dhPrev, 0, hidden);
            }
            // <<<
            float[] swap = dh;
            dh = dhPrev;
            dhPrev = swap;
            swap = dc;
            dc = dcPrev;
            dcPrev = swap;
        }
        if (dh0 != null) {
            System.arraycopy(dh, 0, dh0, stateOff, bh);
        }
        if (dc0 != null && m.c != null) {
            System.arraycopy(dc, 0, dc0, stateOff, bh);
        }

        // Weight gradients, each one product over all timesteps.
        int rows = batch * time;
        int prevBlock = m.stateOffset(Math.min(dir.prevSlot(0), dir.prevSlot(time - 1)));
        k.gemm(Transpose.YES, Transpose.NO, gw, in, rows, 1f, dGatesX, 0, gw, m.input, 0, in, 1f, g, p.weightIh(), in);
        // recurrent dropout hook (4/4): W_hh multiplied the masked states, so its gradient reads them.
        float[] hSeen = m.maskedH != null ? m.maskedH : m.h;
        k.gemm(Transpose.YES, Transpose.NO, gw, hidden, rows, 1f, dGatesH, 0, gw, hSeen, prevBlock, hidden,
                1f, g, p.weightHh(), hidden);
        if (p.hasBias()) {
            k.addColumnSums(rows, gw, dGatesX, 0, gw, g, p.biasIh());
            k.addColumnSums(rows, gw, dGatesH, 0, gw, g, p.biasHh());
        }
        if (dx != null) {
            k.gemm(Transpose.NO, Transpose.NO, rows, in, gw, 1f, dGatesX, 0, gw, w, p.weightIh(), in, 1f, dx, 0, in);
        }
    }
}
