package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.Transpose;
import java.util.Arrays;

/**
 * The time loop of one direction of one layer, shared by every cell type; forward, then backward.
 *
 * <p>Each pass is split into phases so that {@link StackPass} can run them in parallel:
 * <ol>
 *   <li>{@link #project}: the input projection of all timesteps, one large product (any row range),
 *       for layers whose W_ih is too large to project step by step (see {@link #projectsPerStep});</li>
 *   <li>{@link #packForward}: pack W_hh (and W_ih, when the steps project their own input) once
 *       for the pass (inference may reuse the packs of an earlier call, see {@link InferencePacks});
 *       {@link #beginForward}: set the initial state;</li>
 *   <li>{@link #forward}: the time loop over a range of batch rows. Rows are independent
 *       sequences, so ranges run on different threads with no synchronisation per step;</li>
 *   <li>backward mirrors this: {@link #beginBackward}, {@link #backward} per row range, then
 *       {@link #weightGradients} and {@link #inputGradient}, each one large product over all
 *       timesteps (any range of output rows).</li>
 * </ol>
 * Nothing is allocated inside a time loop: buffers live in the {@link DirectionCache}.
 *
 * <p>Rows past their length are computed and then overwritten: their state is carried unchanged,
 * their output is zero and no gradient flows through them, which is exactly PyTorch's
 * packed-sequence behaviour.
 */
final class DirectionPass {

    private DirectionPass() {
    }

    // ---------------------------------------------------------------- forward

    /**
     * Input projection of rows [r0, r1) of the T*B time-major rows: {@code gates = X·W_ih^T + b_ih}
     * (plus b_hh when the cell folds it, see {@link Cell#foldsRecurrentBias()}).
     */
    static void project(Kernels k, Cell cell, DirectionCache m, float[] w, ParameterLayout.DirectionOffsets p,
                        int r0, int r1) {
        int in = p.inputSize();
        int gw = m.gateWidth;
        int rows = r1 - r0;
        float beta = 0f;
        if (p.hasBias() && rows > 0) {
            // Start from the bias rows and accumulate the product onto them: no separate bias pass.
            // The first row of the range is built in place and copied to the others (no scratch array).
            int first = r0 * gw;
            System.arraycopy(w, p.biasIh(), m.gates, first, gw);
            if (cell.foldsRecurrentBias()) {
                k.add(gw, w, p.biasHh(), m.gates, first);
            }
            for (int r = r0 + 1; r < r1; r++) {
                System.arraycopy(m.gates, first, m.gates, r * gw, gw);
            }
            beta = 1f;
        }
        k.gemm(Transpose.NO, Transpose.YES, rows, gw, in, 1f, m.input, r0 * in, in, w, p.weightIh(), in,
                beta, m.gates, r0 * gw, gw);
    }

    /**
     * Largest W_ih (in floats) for which each step projects its own input rows inside the time
     * loop rather than one product projecting every step before it. Per step, the step's
     * projection is written and read while it is in cache, and the pass saves a parallel phase
     * (a barrier for every thread); up front, the whole [T][B][G*H] projection goes out to memory
     * and comes back. Measured with 1 and 2 threads: inference +15 to +24 % on a 2-layer LSTM
     * with H 256 (W_ih of 64 x 1024 and 256 x 1024 floats), +15 % on a bidirectional LSTM with
     * H 128, +3 to +8 % on single LSTM and GRU layers, equal on the smallest shapes and in
     * training. 1 MB of weights is the largest measured; beyond it the up-front product, blocked
     * for the cache, stays.
     */
    static final int PER_STEP_PROJECTION_MAX_FLOATS = 256 * 1024;

    /**
     * Whether the time loop projects each step's input itself ({@link #forward}) instead of
     * {@link #project} running before it: when W_ih has at most {@code maxFloats} elements. Both
     * compute the same sums (each gate row starts from the same bias row); only the order in
     * which a product wider than the kernels' depth block adds its partial sums can differ.
     */
    static boolean projectsPerStep(ParameterLayout.DirectionOffsets p, int gateWidth, int maxFloats) {
        return (long) p.inputSize() * gateWidth <= maxFloats;
    }

    /** Packs W_hh^T (and W_ih^T with its bias row when the steps project their own input) for a forward pass. */
    static void packForward(Kernels k, Cell cell, DirectionCache m, float[] w, ParameterLayout.DirectionOffsets p,
                            boolean perStepProjection) {
        m.recurrentWeights = k.pack(Transpose.YES, m.hidden, m.gateWidth, w, p.weightHh(), m.hidden);
        m.inputWeights = null;
        m.projectionBias = null;
        if (perStepProjection) {
            m.inputWeights = k.pack(Transpose.YES, p.inputSize(), m.gateWidth, w, p.weightIh(), p.inputSize());
            if (p.hasBias()) {
                float[] bias = java.util.Arrays.copyOfRange(w, p.biasIh(), p.biasIh() + m.gateWidth);
                if (cell.foldsRecurrentBias()) {
                    k.add(m.gateWidth, w, p.biasHh(), bias, 0);
                }
                m.projectionBias = bias;
            }
        }
    }

    /** Writes the initial state: h0/c0 [B][H] at {@code stateOff}, or zeros when null. */
    static void beginForward(DirectionCache m, float[] h0, float[] c0, int stateOff) {
        int bh = m.batch * m.hidden;
        int init = m.stateOffset(m.direction.initialSlot(m.time));
        initialState(m.h, init, h0, stateOff, bh);
        if (m.c != null) {
            initialState(m.c, init, c0, stateOff, bh);
        }
    }

    private static void initialState(float[] states, int slot, float[] given, int givenOff, int n) {
        if (given == null) {
            Arrays.fill(states, slot, slot + n, 0f);
        } else {
            System.arraycopy(given, givenOff, states, slot, n);
        }
    }

    /**
     * The time loop for batch rows [b0, b1); writes the hidden state of row b at time t to
     * {@code y[t*yTimeStride + b*yBatchStride + yOff ..]} (H floats): time-major [T][B][width]
     * for a layer that feeds another, batch-major [B][T][width] for the stack's output.
     */
    static void forward(Kernels k, Cell cell, DirectionCache m, float[] w, ParameterLayout.DirectionOffsets p,
                        int b0, int b1, float[] y, int yTimeStride, int yBatchStride, int yOff) {
        int hidden = m.hidden;
        int gw = m.gateWidth;
        int rows = b1 - b0;
        TimeDirection dir = m.direction;
        boolean stepBias = p.hasBias() && !cell.foldsRecurrentBias();
        for (int step = 0; step < m.time; step++) {
            int t = dir.timeAt(step, m.time);
            int recOff = m.gatesOffset(t);
            int prev = m.stateOffset(dir.prevSlot(t));
            int cur = m.stateOffset(dir.curSlot(t));
            // The recurrent product h_{t-1}·W_hh^T for these rows: the one place that reads the
            // previous hidden state. It goes into the cell's own buffer when the cell keeps it
            // apart, else it is added straight onto the gate pre-activations (saving a buffer and a pass).
            float[] hIn = m.h;
            if (m.inputWeights != null) {
                projectStep(k, m, t, recOff, b0, b1);
            }
            // >>> recurrent dropout hook (1/3): the product reads h_{t-1} ⊙ mask.
            if (m.recurrentMask != null) {
                RecurrentDropoutHook.maskRows(m, prev, b0, b1);
                hIn = m.maskedH;
            }
            // <<<
            if (cell.keepsRecurrentPreactivations()) {
                float beta = 0f;
                if (stepBias) {
                    for (int b = b0; b < b1; b++) {
                        System.arraycopy(w, p.biasHh(), m.rec, recOff + b * gw, gw);
                    }
                    beta = 1f;
                }
                k.gemmPacked(rows, hIn, prev + b0 * hidden, hidden, m.recurrentWeights, beta, m.rec, recOff + b0 * gw, gw);
            } else {
                k.gemmPacked(rows, hIn, prev + b0 * hidden, hidden, m.recurrentWeights, 1f, m.gates, recOff + b0 * gw, gw);
            }
            cell.forward(k, m, t, recOff, b0, b1);
            if (m.lengths == null && yBatchStride == hidden) {
                // Every row active and the output rows contiguous: one copy for the whole range.
                System.arraycopy(m.h, cur + b0 * hidden, y, t * yTimeStride + b0 * hidden + yOff, rows * hidden);
                continue;
            }
            for (int b = b0; b < b1; b++) {
                int yRow = t * yTimeStride + b * yBatchStride + yOff;
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
    }

    /** This step's input projection for rows [b0, b1), as {@link #project} computes it for all steps at once. */
    private static void projectStep(Kernels k, DirectionCache m, int t, int recOff, int b0, int b1) {
        int gw = m.gateWidth;
        int in = m.inputWeights.k();
        float beta = 0f;
        if (m.projectionBias != null) {
            for (int b = b0; b < b1; b++) {
                System.arraycopy(m.projectionBias, 0, m.gates, recOff + b * gw, gw);
            }
            beta = 1f;
        }
        k.gemmPacked(b1 - b0, m.input, t * m.inputTimeStride + b0 * m.inputBatchStride, m.inputBatchStride, m.inputWeights,
                beta, m.gates, recOff + b0 * gw, gw);
    }

    /** Copies the final hidden (or cell) state [B][H] of a finished forward pass into {@code out}. */
    static void finalState(DirectionCache m, float[] states, float[] out, int outOff) {
        System.arraycopy(states, m.stateOffset(m.direction.finalSlot(m.time)), out, outOff, m.batch * m.hidden);
    }

    // ---------------------------------------------------------------- backward

    /** Packs W_hh (as stored: dh_{t-1} = dGates·W_hh) for the backward steps and readies the buffers. */
    static void beginBackward(Kernels k, Cell cell, DirectionCache m, float[] w, ParameterLayout.DirectionOffsets p) {
        m.ensureBackwardBuffers(cell);
        m.prepareBiasRows(cell, p.hasBias());
        m.recurrentWeights = k.pack(Transpose.NO, m.gateWidth, m.hidden, w, p.weightHh(), m.hidden);
    }

    /**
     * Backward through time for batch rows [b0, b1): fills this direction's gate-gradient rows
     * and writes the initial-state gradients into {@code dh0}/{@code dc0} at {@code stateOff}.
     *
     * @param dy  upstream gradient of the output, or null: row (t, b) at {@code t*dyTimeStride + b*dyBatchStride},
     *            this direction's columns from yOff (time-major [T][B][width] below the top layer, the
     *            caller's batch-major [B][T][width] at the top, read in place)
     * @param dhN upstream gradient of the final hidden state [B][H] at stateOff, or null
     * @param dcN upstream gradient of the final cell state (LSTM), or null
     */
    static void backward(Kernels k, Cell cell, DirectionCache m, float[] dy, int dyTimeStride, int dyBatchStride, int yOff,
                         float[] dhN, float[] dcN, int stateOff, float[] dh0, float[] dc0, int b0, int b1) {
        int hidden = m.hidden;
        int gw = m.gateWidth;
        int rows = b1 - b0;
        int bh = rows * hidden;
        int first = stateOff + b0 * hidden;
        TimeDirection dir = m.direction;

        // Gradients at the current step's output and the previous step's, swapped every step.
        float[] dh = new float[bh];
        float[] dhPrev = new float[bh];
        float[] dc = new float[bh];
        float[] dcPrev = new float[bh];
        float[] maskScratch = m.recurrentMask == null ? null : new float[bh];
        if (dhN != null) {
            System.arraycopy(dhN, first, dh, 0, bh);
        }
        if (dcN != null && m.c != null) {
            System.arraycopy(dcN, first, dc, 0, bh);
        }
        if (m.biasRowsX != null) {
            Arrays.fill(m.biasRowsX, b0 * gw, b1 * gw, 0f);
            if (m.biasRowsH != m.biasRowsX) {
                Arrays.fill(m.biasRowsH, b0 * gw, b1 * gw, 0f);
            }
        }
        for (int step = m.time - 1; step >= 0; step--) {
            int t = dir.timeAt(step, m.time);
            int recOff = m.gatesOffset(t);
            if (dy != null) {
                for (int b = b0; b < b1; b++) {
                    if (m.active(b, t)) {
                        k.add(hidden, dy, t * dyTimeStride + b * dyBatchStride + yOff, dh, (b - b0) * hidden);
                    }
                }
            }
            Arrays.fill(dhPrev, 0f);
            cell.backward(k, m, t, recOff, b0, b1, dh, dc, dcPrev, dhPrev);
            int gOff = m.gatesOffset(t);
            for (int b = b0; b < b1; b++) {
                if (!m.active(b, t)) {
                    // A skipped step is the identity on the state: the gradient passes through untouched.
                    Arrays.fill(m.dGatesX, gOff + b * gw, gOff + (b + 1) * gw, 0f);
                    Arrays.fill(m.dGatesH, gOff + b * gw, gOff + (b + 1) * gw, 0f);
                    System.arraycopy(dh, (b - b0) * hidden, dhPrev, (b - b0) * hidden, hidden);
                    System.arraycopy(dc, (b - b0) * hidden, dcPrev, (b - b0) * hidden, hidden);
                }
            }
            if (m.biasRowsX != null) {
                // Each row's bias gradient, summed over its steps while this step's rows are in cache.
                k.add(rows * gw, m.dGatesX, gOff + b0 * gw, m.biasRowsX, b0 * gw);
                if (m.biasRowsH != m.biasRowsX) {
                    k.add(rows * gw, m.dGatesH, gOff + b0 * gw, m.biasRowsH, b0 * gw);
                }
            }
            // >>> recurrent dropout hook (2/3): the recurrent path's gradient passes through the mask.
            if (m.recurrentMask != null) {
                RecurrentDropoutHook.addMaskedRecurrentGradient(k, m, gOff, b0, b1, maskScratch, dhPrev);
            } else {
                k.gemmPacked(rows, m.dGatesH, gOff + b0 * gw, gw, m.recurrentWeights, 1f, dhPrev, 0, hidden);
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
            System.arraycopy(dh, 0, dh0, first, bh);
        }
        if (dc0 != null && m.c != null) {
            System.arraycopy(dc, 0, dc0, first, bh);
        }
    }

    /**
     * Adds the weight and bias gradients of gate rows [g0, g1) into {@code g} (same layout as the
     * weights): each one product over all timesteps.
     */
    static void weightGradients(Kernels k, DirectionCache m, float[] g, ParameterLayout.DirectionOffsets p,
                                int g0, int g1) {
        int rows = m.batch * m.time;
        int in = p.inputSize();
        int gw = m.gateWidth;
        int hidden = m.hidden;
        int n = g1 - g0;
        TimeDirection dir = m.direction;
        // The states preceding times 0..T-1 are T consecutive slots (see TimeDirection).
        int prevBlock = m.stateOffset(Math.min(dir.prevSlot(0), dir.prevSlot(m.time - 1)));
        k.gemm(Transpose.YES, Transpose.NO, n, in, rows, 1f, m.dGatesX, g0, gw, m.input, 0, in,
                1f, g, p.weightIh() + g0 * in, in);
        // >>> recurrent dropout hook (3/3): W_hh multiplied the masked states, so its gradient reads them.
        k.gemm(Transpose.YES, Transpose.NO, n, hidden, rows, 1f, m.dGatesH, g0, gw, m.recurrentInput(), prevBlock, hidden,
                1f, g, p.weightHh() + g0 * hidden, hidden);
        if (p.hasBias()) {
            // The backward loop left each batch row's sum over its steps (see DirectionCache#biasRowsX):
            // the bias gradient sums those B rows, in row order, whatever the thread split was.
            if (m.biasRowsH == m.biasRowsX) {
                // Both biases enter the same pre-activations: one column sum serves both.
                Arrays.fill(m.biasGradient, g0, g1, 0f);
                k.addColumnSums(m.batch, n, m.biasRowsX, g0, gw, m.biasGradient, g0);
                k.add(n, m.biasGradient, g0, g, p.biasIh() + g0);
                k.add(n, m.biasGradient, g0, g, p.biasHh() + g0);
            } else {
                k.addColumnSums(m.batch, n, m.biasRowsX, g0, gw, g, p.biasIh() + g0);
                k.addColumnSums(m.batch, n, m.biasRowsH, g0, gw, g, p.biasHh() + g0);
            }
        }
    }

    /** Adds this direction's contribution to rows [r0, r1) of the input gradient dx [T*B][in]. */
    static void inputGradient(Kernels k, DirectionCache m, float[] w, ParameterLayout.DirectionOffsets p,
                              float[] dx, int r0, int r1) {
        int in = p.inputSize();
        int gw = m.gateWidth;
        k.gemm(Transpose.NO, Transpose.NO, r1 - r0, in, gw, 1f, m.dGatesX, r0 * gw, gw, w, p.weightIh(), in,
                1f, dx, r0 * in, in);
    }
}
