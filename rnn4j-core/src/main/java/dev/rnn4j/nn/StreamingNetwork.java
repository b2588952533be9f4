package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.PackedMatrix;
import dev.rnn4j.kernel.Transpose;

/**
 * A recurrent stack run one timestep at a time for one stream (batch 1): the serving API.
 *
 * <pre>{@code
 * StreamingNetwork net = trained.streaming();      // immutable, share it between threads
 * StreamState s = net.newState();                  // one per stream
 * float[] y = new float[net.outputSize()];
 * for (float[] x : readings) net.step(x, s, y);   // no allocation per step
 * }</pre>
 *
 * <p>Weights are copied and packed once, when the snapshot is taken ({@link RecurrentNetwork#streaming()});
 * a step is, per layer, two matrix-vector products with the packed weights plus the cell's fused
 * gate math, all into the state's own buffers. Outputs equal those of
 * {@link RecurrentNetwork#forward} on the same sequence, step after step. A bidirectional network
 * cannot stream: its reverse direction reads the future.
 *
 * <p>A step runs on the calling thread unless the snapshot was taken with more threads
 * ({@link RecurrentNetwork#streaming(int)}): then the step of each large layer (W_ih and W_hh
 * together at least {@value SplitStep#MIN_SPLIT_FLOATS} floats) is shared with spinning helper
 * threads, each computing a range of hidden units, to the same bits. That pays off when one
 * stream steps back to back (a replay, a catch-up, a high-rate feed): at batch 1 a large layer's
 * step is bound by how fast one core streams the weights from its cache. Helpers park after 0.2
 * ms without work, and a step that finds them parked, or the team busy with another caller, runs
 * alone; every 16 K steps a few steps are timed both ways and the faster way is kept, so a split
 * that does not pay on the machine at hand (two cores slowed down together) is dropped.
 * Throughput across many streams comes from calling {@code step} for different streams on
 * different threads, with single-threaded snapshots.
 */
public final class StreamingNetwork {

    private final RecurrentConfig config;
    private final Kernels kernels;
    private final Cell cell;
    /** Float32 weights per layer, transposed and packed once; null when the snapshot is int8. */
    private final FloatStepWeights[] floatWeights;
    /** The threads a step may use, the caller included. */
    private final int threads;
    /** Large layers' steps shared between threads, or null when every step runs on the caller alone. */
    private final SplitStep split;
    /** Int8 weights, or null for a float32 snapshot. */
    private final Int8StepWeights int8;
    /** Per layer: the bias added to the input product (b_ih, plus b_hh when the cell folds it). */
    private final float[][] inputBias;
    /** Per layer: the bias added to the recurrent product (GRU's b_hh), or null. */
    private final float[][] recurrentBias;

    /**
     * A snapshot of weights {@code w}: float32 when {@code int8} is null, else with int8 W_ih and
     * W_hh; a float32 step may use up to {@code threads} threads, splitting the steps of layers with
     * at least {@code minSplitFloats} weights ({@link SplitStep#MIN_SPLIT_FLOATS}; tests lower it).
     */
    StreamingNetwork(RecurrentConfig config, Kernels kernels, float[] w, ParameterLayout layout, Int8StepWeights int8,
                     int threads, int minSplitFloats) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads + ".");
        }
        if (config.bidirectional()) {
            throw new IllegalArgumentException("A bidirectional network cannot stream: its reverse direction needs the "
                    + "whole sequence in advance. Stream a unidirectional network, or run forward() on complete sequences.");
        }
        this.config = config;
        this.kernels = kernels;
        this.cell = Cell.of(config.cell());
        this.int8 = int8;
        int layers = config.numLayers();
        int hidden = config.hiddenSize();
        int gw = cell.gates() * hidden;
        this.floatWeights = int8 == null ? new FloatStepWeights[layers] : null;
        this.inputBias = new float[layers][gw];
        this.recurrentBias = new float[layers][];
        for (int l = 0; l < layers; l++) {
            ParameterLayout.DirectionOffsets p = layout.direction(l, 0, 1);
            int in = p.inputSize();
            if (p.hasBias()) {
                System.arraycopy(w, p.biasIh(), inputBias[l], 0, gw);
                if (cell.foldsRecurrentBias()) {
                    kernels.add(gw, w, p.biasHh(), inputBias[l], 0);
                } else {
                    recurrentBias[l] = new float[gw];
                    System.arraycopy(w, p.biasHh(), recurrentBias[l], 0, gw);
                }
            }
            if (int8 == null) {
                floatWeights[l] = new FloatStepWeights(kernels.pack(Transpose.YES, in, gw, w, p.weightIh(), in),
                        kernels.pack(Transpose.YES, hidden, gw, w, p.weightHh(), hidden), inputBias[l], recurrentBias[l]);
            }
        }
        this.threads = int8 == null ? threads : 1;
        this.split = this.threads > 1
                ? SplitStep.create(config, kernels, cell, w, layout, inputBias, recurrentBias, this.threads, minSplitFloats)
                : null;
    }

    /**
     * The threads one step may use, the caller included: what {@link RecurrentNetwork#streaming(int)}
     * was given (1 for int8 snapshots, whose steps always run on the caller).
     */
    public int threads() {
        return threads;
    }

    /** The precision of the weights: {@code float32}, or {@code int8} with the kernel that multiplies them. */
    public String precision() {
        return int8 == null ? "float32" : int8.precision();
    }

    public RecurrentConfig config() {
        return config;
    }

    /** Whether the step of layer {@code l} is shared between threads. */
    boolean splitsLayer(int l) {
        return split != null && split.splits(l);
    }

    /** The split step, or null (for tests). */
    SplitStep splitStep() {
        return split;
    }

    /** Features per step of the input. */
    public int inputSize() {
        return config.inputSize();
    }

    /** Features per step of the output: the last layer's hidden state. */
    public int outputSize() {
        return config.hiddenSize();
    }

    /** A fresh zero state for a new stream. */
    public StreamState newState() {
        return new StreamState(config);
    }

    /**
     * Advances stream {@code s} by one step with input {@code x} ({@link #inputSize()} floats) and
     * writes the last layer's new hidden state into {@code out} ({@link #outputSize()} floats).
     */
    public void step(float[] x, StreamState s, float[] out) {
        int hidden = config.hiddenSize();
        if (x.length != config.inputSize() || out.length < hidden || s.hidden != hidden || s.layers != config.numLayers()
                || (s.c == null) == cell.hasCellState()) {
            throw new IllegalArgumentException(stepShapeError(x, s, out));
        }
        int gw = s.gates.length;
        float[] in = x;
        int inOff = 0;
        int inWidth = config.inputSize();
        // The team is held for the whole step; a caller that finds it taken steps alone, to the same result.
        boolean team = split != null && split.team.tryAcquire();
        try {
            int probe = team ? split.probeSlot() : -1;
            boolean shared = team && split.splitNow(probe);
            long start = probe >= 0 ? System.nanoTime() : 0;
            for (int l = 0; l < config.numLayers(); l++) {
                int stateOff = l * hidden;
                if (shared && split.splits(l)) {
                    split.step(l, in, inOff, inWidth, s);
                } else {
                    preactivations(l, 1, in, inOff, inWidth, s.h, stateOff, s.gates, s.rec, gw);
                    cell.step(kernels, 1, hidden, s.gates, s.rec, s.h, s.c, stateOff);
                }
                in = s.h;
                inOff = stateOff;
                inWidth = hidden;
            }
            if (probe >= 0) {
                split.record(probe, System.nanoTime() - start);
            }
        } finally {
            if (team) {
                split.team.release();
            }
        }
        System.arraycopy(s.h, (config.numLayers() - 1) * hidden, out, 0, hidden);
    }

    /** Scratch for stepping up to {@code capacity} streams at once; one per thread. */
    public StreamBatch newBatch(int capacity) {
        return new StreamBatch(config, capacity);
    }

    /**
     * Advances {@code count} streams by one step at once: stream {@code i} (state {@code states[i]})
     * reads row {@code i} of {@code x} ({@code count} rows of {@link #inputSize()}) and its new
     * output goes to row {@code i} of {@code out}. Each stream's result is that of
     * {@link #step(float[], StreamState, float[])} up to the order of float additions in the matrix
     * products, which here multiply all rows at once. No allocation; the states must be distinct.
     */
    public void step(float[] x, StreamState[] states, int count, float[] out, StreamBatch batch) {
        int hidden = config.hiddenSize();
        int in0 = config.inputSize();
        if (count < 1 || count > batch.capacity || count > states.length) {
            throw new IllegalArgumentException("count must be between 1 and " + Math.min(batch.capacity, states.length)
                    + " (the batch's capacity and the states given), got " + count + ".");
        }
        if (batch.hidden != hidden || batch.gateWidth != cell.gates() * hidden || (batch.c == null) == cell.hasCellState()) {
            throw new IllegalArgumentException("This stream batch belongs to a network of another shape; create it with this network's newBatch().");
        }
        if (x.length < count * in0 || out.length < count * hidden) {
            throw new IllegalArgumentException("x must hold " + count + " rows of " + in0 + " features and out room for " + count
                    + " rows of " + hidden + ", got " + x.length + " and " + out.length + " floats.");
        }
        for (int i = 0; i < count; i++) {
            StreamState s = states[i];
            if (s.hidden != hidden || s.layers != config.numLayers() || (s.c == null) == cell.hasCellState()) {
                throw new IllegalArgumentException("states[" + i + "]: " + stepShapeError(x, s, out));
            }
        }
        int gw = batch.gateWidth;
        float[] in = x;
        int inWidth = in0;
        for (int l = 0; l < config.numLayers(); l++) {
            int stateOff = l * hidden;
            for (int i = 0; i < count; i++) {
                System.arraycopy(states[i].h, stateOff, batch.h, i * hidden, hidden);
                if (batch.c != null) {
                    System.arraycopy(states[i].c, stateOff, batch.c, i * hidden, hidden);
                }
            }
            preactivations(l, count, in, 0, inWidth, batch.h, 0, batch.gates, batch.rec, gw);
            cell.step(kernels, count, hidden, batch.gates, batch.rec, batch.h, batch.c, 0);
            for (int i = 0; i < count; i++) {
                System.arraycopy(batch.h, i * hidden, states[i].h, stateOff, hidden);
                if (batch.c != null) {
                    System.arraycopy(batch.c, i * hidden, states[i].c, stateOff, hidden);
                }
            }
            System.arraycopy(batch.h, 0, batch.below, 0, count * hidden);
            in = batch.below;
            inWidth = hidden;
        }
        System.arraycopy(batch.h, 0, out, 0, count * hidden);
    }

    /**
     * The gate pre-activations of layer {@code l} for {@code rows} streams, in the snapshot's
     * precision: {@code gates = x·W_ih^T + b_ih (+ b_hh when folded) + h·W_hh^T}, or, for a cell that
     * keeps the recurrent part apart, that part ({@code h·W_hh^T + b_hh}) in {@code rec}. Row i of x
     * starts at {@code inOff + i*inWidth}, row i of h at {@code hOff + i*hidden}; one product per
     * layer serves the single step (rows = 1) and the batched step alike.
     */
    private void preactivations(int l, int rows, float[] in, int inOff, int inWidth, float[] h, int hOff,
                                float[] gates, float[] rec, int gw) {
        int hidden = config.hiddenSize();
        if (int8 == null) {
            floatWeights[l].preactivations(kernels, cell, rows, in, inOff, inWidth, h, hOff, hidden, gates, rec);
            return;
        }
        for (int i = 0; i < rows; i++) {
            System.arraycopy(inputBias[l], 0, gates, i * gw, gw);
            int8.addInput(l, in, inOff + i * inWidth, gates, i * gw);
        }
        float[] target = gates;
        if (cell.keepsRecurrentPreactivations()) {
            target = rec;
            for (int i = 0; i < rows; i++) {
                if (recurrentBias[l] != null) {
                    System.arraycopy(recurrentBias[l], 0, rec, i * gw, gw);
                } else {
                    java.util.Arrays.fill(rec, i * gw, (i + 1) * gw, 0f);
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            int8.addRecurrent(l, h, hOff + i * hidden, target, i * gw);
        }
    }

    private String stepShapeError(float[] x, StreamState s, float[] out) {
        if (x.length != config.inputSize()) {
            return "x must have " + config.inputSize() + " features (the network's input_size), got " + x.length + ".";
        }
        if (out.length < config.hiddenSize()) {
            return "out must have room for " + config.hiddenSize() + " floats, got " + out.length + ".";
        }
        return "This stream state belongs to a network of another shape (" + s.layers + " layers of " + s.hidden
                + "); create states with this network's newState().";
    }
}
