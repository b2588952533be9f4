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

    public int batch() {
        return output.dim(0);
    }

    public int time() {
        return output.dim(1);
    }
}
