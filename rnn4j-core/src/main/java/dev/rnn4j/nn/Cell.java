package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;

/**
 * The gate math of one cell type, for one timestep of one direction. The time loop, masking and
 * the matrix products are shared ({@link DirectionPass}); a cell only says how gates become states
 * and how gradients flow back through them. Forward and backward sit next to each other in each
 * implementation.
 */
sealed interface Cell permits LstmCell, GruCell, ElmanCell {

    /** Number of gate blocks G. */
    int gates();

    /** Whether the cell has a cell state c (LSTM). */
    boolean hasCellState();

    /**
     * Whether the recurrent pre-activations are kept apart from the input ones, for every step
     * (GRU: its n block needs h·W_hn + b_hn, which backward reads too). The other cells have the
     * recurrent product accumulated straight into the gate pre-activations.
     */
    boolean keepsRecurrentPreactivations();

    /** Whether the recurrent pre-activation gradient differs from the input one (GRU: by r in the n block). */
    boolean splitsRecurrentGradient();

    /**
     * Whether b_hh only ever appears summed with b_ih (LSTM, Elman), so both biases can be added
     * once to the input projection instead of to the recurrent product at every step. GRU applies
     * r to its n block's b_hn, so it cannot.
     */
    boolean foldsRecurrentBias();

    /**
     * Activates the gates of time t, rows [b0, b1), in {@code m.gates} (which hold the whole
     * pre-activations, or for a cell that keeps them apart, the input part with the recurrent part
     * in {@code m.rec[recOff ..]}), and writes the new state into its slot.
     */
    void forward(Kernels k, DirectionCache m, int t, int recOff, int b0, int b1);

    /**
     * Backward through time t for rows [b0, b1): from {@code dh} (and {@code dc}) at the step's
     * output, writes the pre-activation gradients to {@code m.dGatesX} (and {@code m.dGatesH} when
     * split), adds the direct state path to {@code dhPrev} (zeroed by the caller) and writes
     * {@code dcPrev}. The four state-gradient arrays hold just these rows, from offset 0.
     */
    void backward(Kernels k, DirectionCache m, int t, int recOff, int b0, int b1, float[] dh, float[] dc,
                  float[] dcPrev, float[] dhPrev);

    /**
     * One streaming step of one layer for {@code rows} streams: {@code gates} holds their
     * pre-activations, row after row from offset 0 (for a cell that keeps them apart, the input
     * part, with the recurrent part in {@code rec}); their states, {@code rows} contiguous rows of
     * {@code hidden} at {@code stateOff} of {@code h} (and {@code c}), are updated in place.
     */
    void step(Kernels k, int rows, int hidden, float[] gates, float[] rec, float[] h, float[] c, int stateOff);

    static Cell of(CellType type) {
        return switch (type) {
            case LSTM -> new LstmCell();
            case GRU -> new GruCell();
            case RNN_TANH -> new ElmanCell(dev.rnn4j.kernel.Activation.TANH);
            case RNN_RELU -> new ElmanCell(dev.rnn4j.kernel.Activation.RELU);
        };
    }
}
