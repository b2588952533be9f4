package dev.rnn4j.nn;

import dev.rnn4j.kernel.PackedMatrix;

/**
 * What the forward pass of one direction of one layer keeps for its backward pass, and the
 * backward pass's own per-step buffers. Every per-time array is time-major: the block for time t
 * starts at {@code t * batch * width}, and within it row b at {@code b * width}.
 *
 * <p>A cache is part of a {@link Workspace} and is reused by later passes of the same shape, so
 * nothing here is allocated per step or (in steady state) per pass. Because of that reuse no
 * array may be assumed to start zeroed: every pass writes what it later reads.
 *
 * <p>An inference cache ({@code rolling}) keeps nothing for a backward pass: two state slots used
 * in turn, and one step's gates when each step projects its own input. The gates of every step
 * of a batch of 64 sequences of 100 steps with hidden size 128 fill 13 MB, so a cache that keeps
 * them all writes each step's gates to memory that is not in any cache; one step's 128 KB stay
 * in L2. Offsets wrap around ({@link #gatesOffset}, {@link #stateOffset}), so the passes read and
 * write through the same methods either way.
 */
final class DirectionCache {
    final TimeDirection direction;
    final int batch;
    final int time;
    final int hidden;
    final int gateWidth;
    /** Lengths per row, or null when every row has length {@code time}; set per pass. */
    int[] lengths;
    /** The layer input, [T][B][inputSize] (shared with the layer below, not copied); set per pass. */
    float[] input;
    /**
     * Where row (t, b) of {@link #input} starts: {@code t * inputTimeStride + b * inputBatchStride}.
     * Time-major ([T][B][I]) but for an inference pass whose first layer projects step by step,
     * which reads the caller's batch-major [B][T][I] input in place (see {@link #readInput}).
     */
    int inputTimeStride;
    int inputBatchStride;
    /** Whether this is an inference cache: states and gates in slots used in turn (see the class comment). */
    final boolean rolling;
    /** Slots of [B][G*H] in {@link #gates} and {@link #rec}: T, or 1 in a rolling cache whose steps project their input. */
    private int gateSlots;
    /** Slots of [B][H] in {@link #h} and {@link #c}: T+1, or 2 in a rolling cache. */
    private final int stateSlots;
    /** Activated gates, [slots][B][G*H]; before a step's activation, its input projection (computed up front or by the step). */
    float[] gates;
    /** Recurrent pre-activations h·W_hh^T + b_hh, laid out like {@link #gates}, when the cell keeps them apart; else null. */
    float[] rec;
    /** Hidden states in T+1 slots of [B][H] (see {@link TimeDirection}), or 2 used in turn. */
    final float[] h;
    /** Cell states like {@link #h}, LSTM only (else null). */
    final float[] c;
    /** W_hh^T packed for this pass's forward steps. */
    PackedMatrix recurrentWeights;
    /**
     * W_ih^T packed for this pass when each step projects its own input (see
     * {@link DirectionPass#projectsPerStep}); null when one product projected every step up front.
     */
    PackedMatrix inputWeights;
    /** The bias row each step's projection starts from (b_ih, plus b_hh when the cell folds it), or null without biases. */
    float[] projectionBias;
    /** Variational recurrent dropout mask [B][H] at {@link #recurrentMaskOffset}, or null; set per pass (see {@link RecurrentDropoutHook}). */
    float[] recurrentMask;
    int recurrentMaskOffset;
    /** h ⊙ mask in the slots of {@link #h}, what the recurrent product reads under a mask; allocated on first use. */
    float[] maskedH;

    /** Backward: gradients of the gate pre-activations, [T][B][G*H]; allocated on first backward. */
    float[] dGatesX;
    /** Backward: the recurrent counterpart when the cell splits it (GRU), else the same array as dGatesX. */
    float[] dGatesH;
    /** Backward: the bias gradient of one pass, [G*H], when both biases share it. */
    float[] biasGradient;
    /**
     * Backward: each batch row's gate gradients summed over its steps, [B][G*H], for the bias
     * gradient; null when the layer has no biases (set per pass by {@link DirectionPass#beginBackward}).
     * The time loop adds each step's rows while they are still in cache, so the bias gradient is a
     * sum over B rows instead of over all T*B rows of {@link #dGatesX}, read back from memory.
     */
    float[] biasRowsX;
    /** The recurrent counterpart of {@link #biasRowsX} when the cell splits the gradient (GRU), else the same array. */
    float[] biasRowsH;

    DirectionCache(Cell cell, TimeDirection direction, int batch, int time, int hidden, boolean rolling) {
        this.direction = direction;
        this.batch = batch;
        this.time = time;
        this.hidden = hidden;
        this.gateWidth = cell.gates() * hidden;
        this.rolling = rolling;
        this.stateSlots = rolling ? 2 : time + 1;
        this.h = new float[stateSlots * batch * hidden];
        this.c = cell.hasCellState() ? new float[stateSlots * batch * hidden] : null;
    }

    /**
     * Readies the gate buffers for a forward pass (allocated on the first, kept while the slot count
     * stays): every step's, except in a rolling cache whose steps project their own input, which
     * keeps one step's; the up-front projection fills every step's gates before the time loop.
     */
    void prepareGates(Cell cell, boolean perStepProjection) {
        int slots = rolling && perStepProjection ? 1 : time;
        if (gates == null || gateSlots != slots) {
            gateSlots = slots;
            gates = new float[slots * batch * gateWidth];
            rec = cell.keepsRecurrentPreactivations() ? new float[slots * batch * gateWidth] : null;
        }
    }

    /** Allocates the backward buffers once; later passes reuse them. */
    void ensureBackwardBuffers(Cell cell) {
        if (rolling) {
            throw new IllegalStateException("An inference cache keeps nothing for a backward pass.");
        }
        if (dGatesX == null) {
            dGatesX = new float[gates.length];
            dGatesH = cell.splitsRecurrentGradient() ? new float[gates.length] : dGatesX;
            biasGradient = new float[gateWidth];
        }
    }

    /** Readies (or drops, for a layer without biases) the per-row bias gradient sums. */
    void prepareBiasRows(Cell cell, boolean hasBias) {
        if (!hasBias) {
            biasRowsX = null;
            biasRowsH = null;
        } else if (biasRowsX == null) {
            biasRowsX = new float[batch * gateWidth];
            biasRowsH = cell.splitsRecurrentGradient() ? new float[batch * gateWidth] : biasRowsX;
        }
    }

    /** Sets this pass's input and the strides of its rows (see {@link #inputTimeStride}). */
    void readInput(float[] input, int timeStride, int batchStride) {
        this.input = input;
        this.inputTimeStride = timeStride;
        this.inputBatchStride = batchStride;
    }

    /** Sets this pass's recurrent dropout mask (null for none). */
    void useRecurrentMask(float[] mask, int offset) {
        recurrentMask = mask;
        recurrentMaskOffset = offset;
        if (mask != null && maskedH == null) {
            maskedH = new float[h.length];
        }
    }

    /** The states the recurrent product multiplied: masked under recurrent dropout, else {@link #h}. */
    float[] recurrentInput() {
        return recurrentMask == null ? h : maskedH;
    }

    /** Whether row b takes part in time t (PyTorch packed-sequence semantics). */
    boolean active(int b, int t) {
        return lengths == null || t < lengths[b];
    }

    int gatesOffset(int t) {
        return t % gateSlots * batch * gateWidth;
    }

    int stateOffset(int slot) {
        return slot % stateSlots * batch * hidden;
    }
}
