package dev.rnn4j.optim;

import java.util.ArrayList;
import java.util.List;

/** Shared state handling: a step counter and zero-initialised buffers the size of the parameters. */
abstract class BufferedOptimizer implements Optimizer {

    protected final float[][] buffers;
    protected long steps;

    BufferedOptimizer(int size, int bufferCount) {
        buffers = new float[bufferCount][size];
    }

    @Override
    public State state() {
        return new State(steps, List.of(buffers));
    }

    @Override
    public void restore(State state) {
        if (state.buffers().size() != buffers.length) {
            throw new IllegalArgumentException("Optimizer state must have " + buffers.length + " buffers, got "
                    + state.buffers().size() + ".");
        }
        List<float[]> copy = new ArrayList<>(state.buffers());
        for (int i = 0; i < buffers.length; i++) {
            if (copy.get(i).length != buffers[i].length) {
                throw new IllegalArgumentException("Optimizer buffer " + i + " must have " + buffers[i].length
                        + " values, got " + copy.get(i).length + ".");
            }
            System.arraycopy(copy.get(i), 0, buffers[i], 0, buffers[i].length);
        }
        steps = state.steps();
    }
}
