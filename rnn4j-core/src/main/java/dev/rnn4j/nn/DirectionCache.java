package dev.rnn4j.nn;

/**
 * What the forward pass of one direction of one layer keeps for its backward pass.
 * Every per-time array is time-major: the block for time t starts at {@code t * batch * width}.
 */
final class DirectionCache {
    final TimeDirection direction;
    final int batch;
    final int time;
    final int hidden;
    final int gateWidth;
    /** Lengths per row, or null when every row has length {@code time}. */
    final int[] lengths;
    /** The layer input, [T][B][inputSize] (shared with the layer below, not copied). */
    final float[] input;
    /** Activated gates, [T][B][G*H]. */
    final float[] gates;
    /** Recurrent pre-activations h·W_hh^T + b_hh: [T][B][G*H] when the cell keeps them, else one step's scratch. */
    final float[] rec;
    /** Hidden states in T+1 slots of [B][H] (see {@link TimeDirection}). */
    final float[] h;
    /** Cell states like {@link #h}, LSTM only (else null). */
    final float[] c;
    /** Variational recurrent dropout mask [B][H] at {@link #recurrentMaskOffset}, or null (see {@link RecurrentDropoutHook}). */
    float[] recurrentMask;
    int recurrentMaskOffset;
    /** h ⊙ mask in the slots of {@link #h}, what the recurrent product reads; null without a mask. */
    float[] maskedH;

    DirectionCache(Cell cell, TimeDirection direction, int batch, int time, int hidden, int[] lengths, float[] input) {
        this.direction = direction;
        this.batch = batch;
        this.time = time;
        this.hidden = hidden;
        this.gateWidth = cell.gates() * hidden;
        this.lengths = lengths;
        this.input = input;
        this.gates = new float[time * batch * gateWidth];
        this.rec = new float[(cell.keepsRecurrentPreactivations() ? time : 1) * batch * gateWidth];
        this.h = new float[(time + 1) * batch * hidden];
        this.c = cell.hasCellState() ? new float[(time + 1) * batch * hidden] : null;
    }

    /** Whether row b takes part in time t (PyTorch packed-sequence semantics). */
    boolean active(int b, int t) {
        return lengths == null || t < lengths[b];
    }

    int gatesOffset(int t) {
        return t * batch * gateWidth;
    }

    int stateOffset(int slot) {
        return slot * batch * hidden;
    }
}
