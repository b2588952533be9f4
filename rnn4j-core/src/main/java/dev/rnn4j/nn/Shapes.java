package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.tensor.Tensor;
import java.util.Arrays;

/** Validation of the tensors handed to a recurrent stack, with "expected X, got Y" messages. */
final class Shapes {

    private Shapes() {
    }

    static void requireInput(RecurrentConfig config, Tensor x, Kernels k) {
        if (x == null) {
            throw new IllegalArgumentException("Input x must be a tensor [batch, time, " + config.inputSize() + "], got null.");
        }
        if (x.rank() != 3) {
            throw new IllegalArgumentException("Input x must have shape [batch, time, " + config.inputSize()
                    + "] (batch first), got " + x.shapeString() + ".");
        }
        if (x.dim(2) != config.inputSize()) {
            throw new IllegalArgumentException("Input x has " + x.dim(2) + " features per step but the model's input_size is "
                    + config.inputSize() + ": expected shape [" + x.dim(0) + ", " + x.dim(1) + ", " + config.inputSize()
                    + "], got " + x.shapeString() + ".");
        }
        if (x.dim(0) == 0 || x.dim(1) == 0) {
            throw new IllegalArgumentException("Input x must have at least one sequence and one step, got shape "
                    + x.shapeString() + ".");
        }
        requireFinite("Input x", x, k);
    }

    static void requireLengths(int[] lengths, int batch, int time) {
        if (lengths == null) {
            return;
        }
        if (lengths.length != batch) {
            throw new IllegalArgumentException("lengths must have one entry per sequence: expected " + batch
                    + ", got " + lengths.length + ".");
        }
        for (int b = 0; b < batch; b++) {
            if (lengths[b] < 1 || lengths[b] > time) {
                throw new IllegalArgumentException("lengths[" + b + "] must be between 1 and the padded time " + time
                        + ", got " + lengths[b] + ".");
            }
        }
    }

    static void requireState(RecurrentConfig config, String name, Tensor s, int batch, Kernels k) {
        if (s == null) {
            return;
        }
        int[] expected = {config.stateSlices(), batch, config.hiddenSize()};
        if (!s.hasShape(expected)) {
            throw new IllegalArgumentException(name + " must have shape [num_layers*num_directions, batch, hidden] = "
                    + Arrays.toString(expected) + ", got " + s.shapeString() + ".");
        }
        requireFinite(name, s, k);
    }

    /**
     * Checks that an earlier result can take this pass's output: no backward cache left in it (a
     * forward result before its backward still needs its tensors), the shapes of this batch, and
     * no sharing with the input, which the pass reads while it writes the output.
     */
    static void requireReusable(RecurrentConfig config, RecurrentOutput reuse, Tensor x) {
        int batch = x.dim(0);
        int time = x.dim(1);
        if (reuse.workspace != null) {
            throw new IllegalArgumentException("reuse is a forward() result whose backward has not run yet; reuse a result of infer().");
        }
        int[] output = {batch, time, config.outputSize()};
        if (!reuse.output().hasShape(output)) {
            throw new IllegalArgumentException("reuse.output() must have this batch's shape [batch, time, num_directions*hidden] = "
                    + Arrays.toString(output) + ", got " + reuse.output().shapeString() + ".");
        }
        int[] state = {config.stateSlices(), batch, config.hiddenSize()};
        if (!reuse.hN().hasShape(state)) {
            throw new IllegalArgumentException("reuse.hN() must have shape [num_layers*num_directions, batch, hidden] = "
                    + Arrays.toString(state) + ", got " + reuse.hN().shapeString() + ".");
        }
        if (config.cell().hasCellState() && (reuse.cN() == null || !reuse.cN().hasShape(state))) {
            throw new IllegalArgumentException("reuse.cN() must have shape [num_layers*num_directions, batch, hidden] = "
                    + Arrays.toString(state) + ", got " + (reuse.cN() == null ? "none (not an LSTM result)" : reuse.cN().shapeString()) + ".");
        }
        if (x.data() == reuse.output().data()) {
            throw new IllegalArgumentException("Input x must not be reuse.output(): the pass reads x while it writes the output.");
        }
    }

    static void requireGradient(String name, Tensor g, int... expected) {
        if (g != null && !g.hasShape(expected)) {
            throw new IllegalArgumentException(name + " must have shape " + Arrays.toString(expected) + ", got "
                    + g.shapeString() + ".");
        }
    }

    private static void requireFinite(String name, Tensor t, Kernels k) {
        float[] d = t.data();
        int i = k.firstNonFinite(d.length, d, 0);
        if (i >= 0) {
            throw new IllegalArgumentException(name + " must be finite, got " + d[i] + " at flat index " + i + ".");
        }
    }
}
