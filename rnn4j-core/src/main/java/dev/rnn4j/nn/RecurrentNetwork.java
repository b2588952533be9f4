package dev.rnn4j.nn;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A stack of recurrent layers, equivalent to PyTorch's {@code nn.RNN}, {@code nn.LSTM} and
 * {@code nn.GRU} with {@code batch_first=True}: same parameters, same outputs, same gradients.
 *
 * <pre>{@code
 * RecurrentNetwork lstm = RecurrentNetwork.create(RecurrentConfig.lstm(8, 32).withLayers(2), 42);
 * RecurrentOutput out = lstm.forward(x);                 // x: [batch, time, 8]
 * Parameters grads = lstm.newGradients();
 * InputGradients in = lstm.backward(out, dLossdOutput, null, null, grads);
 * }</pre>
 *
 * <p>Variable-length batches follow PyTorch's packed sequences: pass one length per row; steps past
 * a row's length output zeros and leave its state alone, and the reverse direction of a
 * bidirectional layer starts at the row's own last valid step.
 *
 * <p>The parameters are mutable (training updates them in place); a network is not safe for
 * concurrent {@code forward} calls while its parameters change.
 */
public final class RecurrentNetwork {

    private final RecurrentConfig config;
    private final Cell cell;
    private final ParameterLayout layout;
    private final Parameters parameters;
    private final Kernels kernels;

    /** A network with zero parameters, using the process-wide kernels. */
    public RecurrentNetwork(RecurrentConfig config) {
        this(config, KernelProvider.get());
    }

    /** A network with zero parameters running on the given kernels. */
    public RecurrentNetwork(RecurrentConfig config, Kernels kernels) {
        this.config = config;
        this.cell = Cell.of(config.cell());
        this.layout = ParameterLayout.of(config);
        this.parameters = new Parameters(layout);
        this.kernels = kernels;
    }

    /** A network initialised as PyTorch does: every parameter from U(-1/sqrt(H), 1/sqrt(H)), seeded. */
    public static RecurrentNetwork create(RecurrentConfig config, long seed) {
        RecurrentNetwork net = new RecurrentNetwork(config);
        float bound = (float) (1.0 / Math.sqrt(config.hiddenSize()));
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = net.parameters.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble(-bound, bound);
        }
        return net;
    }

    /** A network with PyTorch weights: {@code stateDict} maps state-dict names to tensors. */
    public static RecurrentNetwork fromStateDict(RecurrentConfig config, Map<String, Tensor> stateDict) {
        RecurrentNetwork net = new RecurrentNetwork(config);
        net.parameters.load(stateDict);
        return net;
    }

    public RecurrentConfig config() {
        return config;
    }

    /** The live parameters (PyTorch names, one flat array). */
    public Parameters parameters() {
        return parameters;
    }

    /** The kernels this network runs on. */
    public Kernels kernels() {
        return kernels;
    }

    /** A zeroed gradient buffer with this network's layout, for {@link #backward}. */
    public Parameters newGradients() {
        return new Parameters(layout);
    }

    /** Loads PyTorch weights; see {@link Parameters#load(Map)}. */
    public void loadStateDict(Map<String, Tensor> stateDict) {
        parameters.load(stateDict);
    }

    /** The parameters as PyTorch's state dict (copies). */
    public Map<String, Tensor> stateDict() {
        return parameters.stateDict();
    }

    /** Runs full-length sequences from zero initial states. */
    public RecurrentOutput forward(Tensor x) {
        return forward(x, null, null, null);
    }

    /** Runs a padded batch with one length per row (null: all rows full length) from zero initial states. */
    public RecurrentOutput forward(Tensor x, int[] lengths) {
        return forward(x, lengths, null, null);
    }

    /**
     * Runs the stack.
     *
     * @param x       input {@code [B, T, I]}
     * @param lengths valid length of each row, 1..T, or null for all T
     * @param h0      initial hidden states {@code [L*D, B, H]}, or null for zeros
     * @param c0      initial cell states {@code [L*D, B, H]} (LSTM only), or null for zeros
     */
    public RecurrentOutput forward(Tensor x, int[] lengths, Tensor h0, Tensor c0) {
        return forward(x, lengths, h0, c0, null);
    }

    /**
     * Runs the stack with variational recurrent dropout: {@code recurrentMask} {@code [L*D, B, H]}
     * (null for none) multiplies the previous hidden state inside every step's recurrent product,
     * the same mask at every step; {@link #backward} follows it.
     */
    public RecurrentOutput forward(Tensor x, int[] lengths, Tensor h0, Tensor c0, Tensor recurrentMask) {
        Shapes.requireInput(config, x);
        int batch = x.dim(0);
        int time = x.dim(1);
        Shapes.requireLengths(lengths, batch, time);
        Shapes.requireState(config, "h0", h0, batch);
        if (c0 != null && !config.cell().hasCellState()) {
            throw new IllegalArgumentException("c0 is only for LSTM, but this network's cell is " + config.cell().id() + ".");
        }
        Shapes.requireState(config, "c0", c0, batch);
        Shapes.requireState(config, "recurrentMask", recurrentMask, batch);
        int[] lens = lengths == null ? null : lengths.clone();

        int hidden = config.hiddenSize();
        int dirs = config.directions();
        int width = config.outputSize();
        int bh = batch * hidden;
        float[] input = Layouts.toTimeMajor(x.data(), batch, time, config.inputSize());
        float[] hN = new float[config.stateSlices() * bh];
        float[] cN = config.cell().hasCellState() ? new float[config.stateSlices() * bh] : null;
        DirectionCache[] caches = new DirectionCache[config.stateSlices()];
        float[] w = parameters.values();
        for (int layer = 0; layer < config.numLayers(); layer++) {
            float[] out = new float[time * batch * width];
            for (int d = 0; d < dirs; d++) {
                int slice = layer * dirs + d;
                DirectionCache m = DirectionPass.forward(kernels, cell, TimeDirection.of(d), w,
                        layout.direction(layer, d, dirs), input, batch, time, hidden, lens,
                        h0 == null ? null : h0.data(), c0 == null ? null : c0.data(), slice * bh,
                        out, width, d * hidden, recurrentMask == null ? null : recurrentMask.data());
                DirectionPass.finalState(m, m.h, hN, slice * bh);
                if (cN != null) {
                    DirectionPass.finalState(m, m.c, cN, slice * bh);
                }
                caches[slice] = m;
            }
            input = out;
        }
        Tensor output = Tensor.of(Layouts.toBatchMajor(input, batch, time, width), batch, time, width);
        Tensor hState = Tensor.of(hN, config.stateSlices(), batch, hidden);
        Tensor cState = cN == null ? null : Tensor.of(cN, config.stateSlices(), batch, hidden);
        return new RecurrentOutput(output, hState, cState, lens, caches);
    }

    /**
     * Backpropagates through a forward pass. Parameter gradients are <em>added</em> to
     * {@code gradients} (zero it between steps); input gradients are returned.
     *
     * @param forward result of {@link #forward} on this network with its current parameters
     * @param dOutput gradient of the loss w.r.t. the output {@code [B, T, D*H]}, or null for none
     * @param dhN     gradient w.r.t. the final hidden states {@code [L*D, B, H]}, or null
     * @param dcN     gradient w.r.t. the final cell states (LSTM), or null
     */
    public InputGradients backward(RecurrentOutput forward, Tensor dOutput, Tensor dhN, Tensor dcN, Parameters gradients) {
        int batch = forward.batch();
        int time = forward.time();
        int hidden = config.hiddenSize();
        int dirs = config.directions();
        int width = config.outputSize();
        int bh = batch * hidden;
        Shapes.requireGradient("dOutput", dOutput, batch, time, width);
        Shapes.requireGradient("dhN", dhN, config.stateSlices(), batch, hidden);
        Shapes.requireGradient("dcN", dcN, config.stateSlices(), batch, hidden);
        if (gradients.layout() != layout && gradients.values().length != layout.totalSize()) {
            throw new IllegalArgumentException("gradients must have " + layout.totalSize() + " values (this network's layout), got "
                    + gradients.values().length + ".");
        }
        if (forward.caches.length != config.stateSlices()) {
            throw new IllegalArgumentException("forward result comes from a network with " + forward.caches.length
                    + " state slices, expected " + config.stateSlices() + ".");
        }

        float[] dy = dOutput == null ? null : Layouts.toTimeMajor(dOutput.data(), batch, time, width);
        float[] dh0 = new float[config.stateSlices() * bh];
        float[] dc0 = config.cell().hasCellState() ? new float[config.stateSlices() * bh] : null;
        float[] w = parameters.values();
        float[] g = gradients.values();
        float[] dInput = null;
        for (int layer = config.numLayers() - 1; layer >= 0; layer--) {
            int in = config.layerInputSize(layer);
            dInput = new float[time * batch * in];
            for (int d = 0; d < dirs; d++) {
                int slice = layer * dirs + d;
                DirectionPass.backward(kernels, cell, forward.caches[slice], w, g, layout.direction(layer, d, dirs),
                        dy, width, d * hidden, dhN == null ? null : dhN.data(), dcN == null ? null : dcN.data(),
                        slice * bh, dInput, dh0, dc0);
            }
            dy = dInput;
        }
        Tensor dx = Tensor.of(Layouts.toBatchMajor(dInput, batch, time, config.inputSize()), batch, time, config.inputSize());
        return new InputGradients(dx, Tensor.of(dh0, config.stateSlices(), batch, hidden),
                dc0 == null ? null : Tensor.of(dc0, config.stateSlices(), batch, hidden));
    }
}
