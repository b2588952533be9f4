package dev.rnn4j.optim;

import java.util.List;

/**
 * Updates a flat parameter array from its flat gradient, in place. Every optimiser follows
 * PyTorch's {@code torch.optim} formulas (computed in double per element, stored as float), so a
 * step matches PyTorch's on the same gradients.
 */
public interface Optimizer {

    /** One update of {@code params} by {@code grads} at learning rate {@code lr}. */
    void step(float[] params, float[] grads, double lr);

    /** The optimiser's buffers and step count, for checkpoints (copies). */
    State state();

    /** Restores what {@link #state()} returned. */
    void restore(State state);

    /** Step count plus the per-parameter buffers (momentum, moments), in a fixed order. */
    record State(long steps, List<float[]> buffers) {
        public State {
            buffers = buffers.stream().map(float[]::clone).toList();
        }
    }
}
