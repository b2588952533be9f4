package dev.rnn4j.nn;

import dev.rnn4j.tensor.Tensor;

/**
 * The result of {@link RecurrentNetwork#forward}: the output sequence, the final states and what
 * {@link RecurrentNetwork#backward} needs to run. Backward consumes that cache (its buffers go back
 * to the network for the next pass), so each forward result can be backpropagated once. Results of
 * {@link RecurrentNetwork#infer} carry no cache.
 */
public final class RecurrentOutput {

    private final Tensor output;
    private final Tensor hN;
    private final Tensor cN;
    final int[] lengths;
    /**
     * What backward needs (per layer and direction), or null for a result of
     * {@link RecurrentNetwork#infer}; set to null when backward consumes it.
     */
    Workspace workspace;

    RecurrentOutput(Tensor output, Tensor hN, Tensor cN, int[] lengths, Workspace workspace) {
        this.output = output;
        this.hN = hN;
        this.cN = cN;
        this.lengths = lengths;
        this.workspace = workspace;
    }

    /** The last layer's outputs {@code [B, T, D*H]}; zero at padded positions. */
    public Tensor output() {
        return output;
    }

    /** Final hidden states {@code [L*D, B, H]}, index layer*D + direction. */
    public Tensor hN() {
        return hN;
    }

    /** Final cell states {@code [L*D, B, H]} for LSTM; null for other cells. */
    public Tensor cN() {
        return cN;
    }

    /**
     * How many activated gate values of every layer and direction lie within {@code margin} of
     * their bounds, at valid steps: sigmoid gates below {@code margin} or above {@code 1 - margin},
     * tanh gates (LSTM's g, GRU's n, a tanh RNN's state) beyond {@code ±(1 - margin)}, a ReLU RNN's
     * units at exactly 0. Returns {saturated, total}. Needs the forward cache, so call it on a
     * result of {@link RecurrentNetwork#forward} before its backward.
     */
    public long[] saturatedGates(CellType cell, double margin) {
        if (workspace == null) {
            throw new IllegalStateException("This result carries no gate activations (it came from infer(), or backward consumed "
                    + "them); take gate saturation from a forward() result before its backward.");
        }
        long saturated = 0;
        long total = 0;
        for (DirectionCache m : workspace.caches) {
            int hidden = m.hidden;
            for (int t = 0; t < m.time; t++) {
                for (int b = 0; b < m.batch; b++) {
                    if (!m.active(b, t)) {
                        continue;
                    }
                    // an Elman cell's only activation is its new state (its gate buffer is scratch after the step)
                    boolean elman = cell == CellType.RNN_TANH || cell == CellType.RNN_RELU;
                    float[] values = elman ? m.h : m.gates;
                    int base = elman ? m.stateOffset(m.direction.curSlot(t)) + b * hidden : m.gatesOffset(t) + b * m.gateWidth;
                    for (int j = 0; j < m.gateWidth; j++) {
                        float v = values[base + j];
                        boolean tanh = cell == CellType.RNN_TANH || (j / hidden == 2 && cell != CellType.RNN_RELU);
                        boolean hit = cell == CellType.RNN_RELU ? v == 0f
                                : tanh ? Math.abs(v) > 1 - margin : v < margin || v > 1 - margin;
                        if (hit) {
                            saturated++;
                        }
                    }
                    total += m.gateWidth;
                }
            }
        }
        return new long[] {saturated, total};
    }

    public int batch() {
        return output.dim(0);
    }

    public int time() {
        return output.dim(1);
    }
}
