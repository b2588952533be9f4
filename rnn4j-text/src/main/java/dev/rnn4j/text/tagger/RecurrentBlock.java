package dev.rnn4j.text.tagger;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.nn.InputGradients;
import dev.rnn4j.nn.Parameters;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * A {@link RecurrentNetwork} whose parameters live in a slice of a composite model's flat array.
 * The network keeps its own copy, refreshed from the slice before each forward pass; its gradients
 * are added back into the same slice of the flat gradient. The copy costs one array copy per pass,
 * small beside the recurrent work, and keeps rnn4j-core's network untouched.
 */
final class RecurrentBlock {

    private final RecurrentNetwork network;
    private final int offset;
    private final int size;

    RecurrentBlock(RecurrentConfig config, String prefix, ParameterTable table, Kernels kernels) {
        this.network = new RecurrentNetwork(config, kernels);
        this.size = network.parameters().values().length;
        this.offset = table.addAll(prefix, network.parameters().layout());
    }

    RecurrentConfig config() {
        return network.config();
    }

    /** PyTorch's initialisation: U(-1/sqrt(H), 1/sqrt(H)). */
    void initialize(float[] params, SplittableRandom random) {
        double bound = 1.0 / Math.sqrt(network.config().hiddenSize());
        for (int i = 0; i < size; i++) {
            params[offset + i] = (float) random.nextDouble(-bound, bound);
        }
    }

    RecurrentOutput forward(float[] params, Tensor x, int[] lengths) {
        System.arraycopy(params, offset, network.parameters().values(), 0, size);
        return network.forward(x, lengths);
    }

    /** Backpropagates and adds the parameter gradients into {@code gradient}; returns the input gradients. */
    InputGradients backward(RecurrentOutput forward, Tensor dOutput, Tensor dhN, float[] gradient) {
        Parameters g = network.newGradients();
        InputGradients in = network.backward(forward, dOutput, dhN, null, g);
        float[] v = g.values();
        for (int i = 0; i < size; i++) {
            gradient[offset + i] += v[i];
        }
        return in;
    }
}
