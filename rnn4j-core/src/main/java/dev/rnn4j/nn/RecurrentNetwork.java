package dev.rnn4j.nn;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedDeque;

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
 * concurrent {@code forward} calls while its parameters change. Passes reuse buffers kept by the
 * network, so repeated passes of one shape allocate little; {@link #infer} keeps no backward
 * cache; {@link #streaming()} gives a batch-1 step API with zero allocation per step.
 */
public final class RecurrentNetwork {

    private final RecurrentConfig config;
    private final Cell cell;
    private final ParameterLayout layout;
    private final Parameters parameters;
    private final Kernels kernels;
    /** Idle pass buffers, reused by later passes of the same shape (one per concurrent pass). */
    private final ConcurrentLinkedDeque<Workspace> idle = new ConcurrentLinkedDeque<>();
    private volatile int threads = 1;

    private static final int MAX_IDLE_WORKSPACES = 4;

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
     * Runs the stack and keeps what {@link #backward} needs.
     *
     * @param x       input {@code [B, T, I]}
     * @param lengths valid length of each row, 1..T, or null for all T
     * @param h0      initial hidden states {@code [L*D, B, H]}, or null for zeros
     * @param c0      initial cell states {@code [L*D, B, H]} (LSTM only), or null for zeros
     */
    public RecurrentOutput forward(Tensor x, int[] lengths, Tensor h0, Tensor c0) {
        return run(x, lengths, h0, c0, null, true, null);
    }

    /**
     * Runs the stack with variational recurrent dropout: {@code recurrentMask} {@code [L*D, B, H]}
     * (null for none) multiplies the previous hidden state inside every step's recurrent product,
     * the same mask at every step; {@link #backward} follows it.
     */
    public RecurrentOutput forward(Tensor x, int[] lengths, Tensor h0, Tensor c0, Tensor recurrentMask) {
        return run(x, lengths, h0, c0, recurrentMask, true, null);
    }

    /** Inference on full-length sequences from zero initial states; see {@link #infer(Tensor, int[], Tensor, Tensor)}. */
    public RecurrentOutput infer(Tensor x) {
        return infer(x, null, null, null);
    }

    /**
     * Runs the stack for inference: the same outputs as {@link #forward}, but no backward cache is
     * kept (its buffers are reused by the next pass), so the result cannot be backpropagated.
     */
    public RecurrentOutput infer(Tensor x, int[] lengths, Tensor h0, Tensor c0) {
        return run(x, lengths, h0, c0, null, false, null);
    }

    /**
     * {@link #infer(Tensor, int[], Tensor, Tensor)} writing into the tensors of an earlier
     * inference result of the same shape instead of allocating new ones, for callers that run
     * batch after batch: the output array is the one large allocation of an inference call (3.3 MB
     * for a batch of 64 sequences of 100 steps with 128 hidden units), zeroed by the JVM before the
     * pass can start. The returned result holds {@code reuse}'s tensors, so read {@code reuse}'s
     * values before the call. Carrying state from one chunk of a sequence to the next works in
     * place: {@code out = net.infer(next, null, out.hN(), out.cN(), out)}.
     */
    public RecurrentOutput infer(Tensor x, int[] lengths, Tensor h0, Tensor c0, RecurrentOutput reuse) {
        if (reuse == null) {
            throw new IllegalArgumentException("reuse must be an earlier result of infer(); pass none to allocate new tensors.");
        }
        return run(x, lengths, h0, c0, null, false, reuse);
    }

    private RecurrentOutput run(Tensor x, int[] lengths, Tensor h0, Tensor c0, Tensor recurrentMask, boolean keepCache,
                                RecurrentOutput reuse) {
        Shapes.requireInput(config, x, kernels);
        int batch = x.dim(0);
        int time = x.dim(1);
        Shapes.requireLengths(lengths, batch, time);
        Shapes.requireState(config, "h0", h0, batch, kernels);
        if (c0 != null && !config.cell().hasCellState()) {
            throw new IllegalArgumentException("c0 is only for LSTM, but this network's cell is " + config.cell().id() + ".");
        }
        Shapes.requireState(config, "c0", c0, batch, kernels);
        Shapes.requireState(config, "recurrentMask", recurrentMask, batch, kernels);
        int[] lens = lengths == null ? null : lengths.clone();

        int hidden = config.hiddenSize();
        int width = config.outputSize();
        if (reuse != null) {
            Shapes.requireReusable(config, reuse, x);
        }
        Workspace ws = acquire(batch, time, !keepCache);
        // A reused result's arrays are overwritten whole: every output position is written (zeros
        // past a row's length) and every final state; h0/c0 may be those very states, because
        // each layer reads its slice of them before it writes the same slice of hN/cN.
        int slices = config.stateSlices();
        Tensor output = reuse != null ? reuse.output() : Tensor.zeros(batch, time, width);
        Tensor hState = reuse != null ? reuse.hN() : Tensor.zeros(slices, batch, hidden);
        Tensor cState = !config.cell().hasCellState() ? null : reuse != null ? reuse.cN() : Tensor.zeros(slices, batch, hidden);
        // Inference reuses the weights packed by an earlier call while the parameters are unchanged.
        float[] w = parameters.values();
        int perStepMax = perStepProjectionMaxFloats;
        InferencePacks packs = null;
        if (!keepCache) {
            packs = inferencePacks;
            if (packs == null || !packs.matches(w, perStepMax)) {
                packs = new InferencePacks(w, perStepMax, slices);
            }
        }
        stack().forward(ws, x.data(), w, lens, h0 == null ? null : h0.data(), c0 == null ? null : c0.data(),
                recurrentMask == null ? null : recurrentMask.data(), hState.data(), cState == null ? null : cState.data(),
                output.data(), packs);
        if (packs != null && packs != inferencePacks) {
            packs.complete();
            inferencePacks = packs;
        }
        if (!keepCache) {
            release(ws);
            ws = null;
        }
        return new RecurrentOutput(output, hState, cState, lens, ws);
    }

    /**
     * Backpropagates through a forward pass. Parameter gradients are <em>added</em> to
     * {@code gradients} (zero it between steps); input gradients are returned. Consumes the
     * forward result's cache: a second backward on the same result is an error.
     *
     * @param forward result of {@link #forward} on this network with its current parameters
     * @param dOutput gradient of the loss w.r.t. the output {@code [B, T, D*H]}, or null for none
     * @param dhN     gradient w.r.t. the final hidden states {@code [L*D, B, H]}, or null
     * @param dcN     gradient w.r.t. the final cell states (LSTM), or null
     */
    public InputGradients backward(RecurrentOutput forward, Tensor dOutput, Tensor dhN, Tensor dcN, Parameters gradients) {
        return backward(forward, dOutput, dhN, dcN, gradients, true);
    }

    /**
     * {@link #backward(RecurrentOutput, Tensor, Tensor, Tensor, Parameters)}, computing the gradient
     * of the input sequence only when {@code inputGradient} is true. Training on data, nothing
     * needs it: leaving it out saves one product as large as the first layer's input projection
     * (about 7 % of a single-layer LSTM's training step with 16 or 32 input features), as
     * frameworks do for inputs that do not require a gradient.
     *
     * @return the input gradients; {@code dx} is null when {@code inputGradient} is false
     */
    public InputGradients backward(RecurrentOutput forward, Tensor dOutput, Tensor dhN, Tensor dcN, Parameters gradients,
                                   boolean inputGradient) {
        int batch = forward.batch();
        int time = forward.time();
        int hidden = config.hiddenSize();
        int width = config.outputSize();
        int bh = batch * hidden;
        Shapes.requireGradient("dOutput", dOutput, batch, time, width);
        Shapes.requireGradient("dhN", dhN, config.stateSlices(), batch, hidden);
        Shapes.requireGradient("dcN", dcN, config.stateSlices(), batch, hidden);
        if (gradients.layout() != layout && gradients.values().length != layout.totalSize()) {
            throw new IllegalArgumentException("gradients must have " + layout.totalSize() + " values (this network's layout), got "
                    + gradients.values().length + ".");
        }
        Workspace ws = forward.workspace;
        if (ws == null) {
            throw new IllegalArgumentException("This forward result has no backward cache: it came from infer(), or "
                    + "backward() already consumed it; run forward() again to backpropagate.");
        }
        if (ws.caches.length != config.stateSlices()) {
            throw new IllegalArgumentException("forward result comes from a network with " + ws.caches.length
                    + " state slices, expected " + config.stateSlices() + ".");
        }
        forward.workspace = null;

        // Read in place, batch-first: no time-major copy.
        float[] dy = dOutput == null ? null : dOutput.data();
        float[] dh0 = new float[config.stateSlices() * bh];
        float[] dc0 = config.cell().hasCellState() ? new float[config.stateSlices() * bh] : null;
        float[] dInput = stack().backward(ws, parameters.values(), gradients.values(), dy,
                dhN == null ? null : dhN.data(), dcN == null ? null : dcN.data(), dh0, dc0, inputGradient);
        Tensor dx = dInput == null ? null
                : Tensor.of(Layouts.toBatchMajor(dInput, batch, time, config.inputSize()), batch, time, config.inputSize());
        release(ws);
        return new InputGradients(dx, Tensor.of(dh0, config.stateSlices(), batch, hidden),
                dc0 == null ? null : Tensor.of(dc0, config.stateSlices(), batch, hidden));
    }

    /**
     * A snapshot of this network for batch-1 streaming: weights packed once, immutable, safe to
     * share between threads; each stream keeps its own {@link StreamState}. Later changes to this
     * network's parameters do not reach an existing snapshot; take a new one.
     */
    public StreamingNetwork streaming() {
        return streaming(1);
    }

    /**
     * A streaming snapshot whose steps may use up to {@code threads} threads, the caller included:
     * the step of each large layer is split by hidden units between the caller and spinning helper
     * threads, with the same results as {@link #streaming()}. For one stream stepped back to back
     * where latency counts (hidden size 128 and up); see {@link StreamingNetwork} for when it runs alone.
     */
    public StreamingNetwork streaming(int threads) {
        return streaming(threads, SplitStep.MIN_SPLIT_FLOATS);
    }

    /** {@link #streaming(int)}, splitting the steps of layers with at least {@code minSplitFloats} weights (for tests). */
    StreamingNetwork streaming(int threads, int minSplitFloats) {
        return new StreamingNetwork(config, kernels, parameters.values().clone(), layout, null, threads, minSplitFloats);
    }

    /**
     * A streaming snapshot with W_ih and W_hh quantised to int8 (per gate row, symmetric) and
     * multiplied by {@code kernel}; biases, states and gate math stay float32. Same API and state
     * objects as {@link #streaming()}; outputs differ from it only by the weights' rounding.
     */
    public StreamingNetwork streamingInt8(dev.rnn4j.quant.Int8Kernel kernel) {
        float[] w = parameters.values().clone();
        return new StreamingNetwork(config, kernels, w, layout, Int8StepWeights.quantize(config, w, layout, kernel), 1,
                SplitStep.MIN_SPLIT_FLOATS);
    }

    /** Threads used by one pass (the caller included); default 1. */
    public int threads() {
        return threads;
    }

    /**
     * Sets how many threads one pass may use, the calling thread included. Work is split where it
     * pays: the directions of a bidirectional layer, groups of sequences in the time loop, and the
     * large products before and after it.
     */
    public void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads + ".");
        }
        this.threads = threads;
    }

    /** See {@link DirectionPass#PER_STEP_PROJECTION_MAX_FLOATS}; tests lower it to run the up-front projection too. */
    volatile int perStepProjectionMaxFloats = DirectionPass.PER_STEP_PROJECTION_MAX_FLOATS;

    /** The packed weights of the last inference call (see {@link InferencePacks}), or null. */
    private volatile InferencePacks inferencePacks;

    private StackPass stack() {
        return new StackPass(kernels, cell, config, layout, WorkerPool.shared(threads), perStepProjectionMaxFloats);
    }

    /** An idle workspace of this shape, or a new one. */
    private Workspace acquire(int batch, int time, boolean inference) {
        // Idle workspaces of other shapes or kinds stay (training with validation passes in
        // between uses both kinds); the oldest are dropped on release when there are too many.
        for (Workspace ws : idle) {
            if (ws.fits(batch, time, inference) && idle.removeFirstOccurrence(ws)) {
                return ws;
            }
        }
        return new Workspace(config, cell, batch, time, inference);
    }

    private void release(Workspace ws) {
        idle.offerFirst(ws);
        while (idle.size() > MAX_IDLE_WORKSPACES) {
            idle.pollLast();
        }
    }
}
