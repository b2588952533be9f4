package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.PackedMatrix;
import dev.rnn4j.kernel.Transpose;

/**
 * One streaming step of a large layer shared by the threads of a {@link SpinTeam}: the layer's
 * hidden units are cut into ranges, and each thread computes the gates of its range (from the
 * rows of W_ih and W_hh that feed them, packed apart once) and then the cell's update of those
 * units. At batch 1 a step of a layer with hidden size 128 reads 320 KB of weights, and one core
 * can only stream them from its L2 cache so fast; two cores each read their own half.
 *
 * <p>The result is bit for bit that of the single-threaded step: every gate column sums the same
 * products in the same order wherever its panel sits, and ranges start at multiples of 16 units,
 * so the cell math meets every unit in the same vector lane position class (full vector or tail).
 *
 * <p>While the parts run, every thread still reads the whole previous hidden state, so a part
 * writes its new units into its own scratch; the caller copies them into the stream's state once
 * all parts are done. Scratch belongs to this object and is used only by the holder of the team.
 */
final class SplitStep implements SpinTeam.Parts {

    /** Ranges of hidden units start at multiples of this: a whole number of vectors at 256 and 512 bits. */
    static final int UNIT_ALIGN = 16;
    /**
     * Fewest floats of W_ih plus W_hh for which a layer's step is split. Measured on two cores of
     * an AMD EPYC (Zen 4), one thread against two: GRU I8 H32 (4 K floats) 0.30 against 0.64 µs,
     * LSTM I32 H64 (25 K) 1.21 against 1.17, LSTM I32 H96 (49 K) 2.31 against 1.77, GRU I64 H128
     * (74 K) 3.17 against 2.16. Below about 25 K floats the weights come from cache quickly enough
     * that the hand-off costs what it saves.
     */
    static final int MIN_SPLIT_FLOATS = 32 * 1024;

    private final Kernels kernels;
    private final Cell cell;
    private final int hidden;
    final SpinTeam team;
    /** Unit ranges: part p covers [units[p], units[p+1]). */
    private final int[] units;
    /** Per layer, per part: the weights of the part's gate rows; a null layer is not split. */
    private final FloatStepWeights[][] weights;
    private final float[][] gates;
    private final float[][] rec;
    private final float[][] h;
    private final float[][] c;

    /**
     * Steps between two comparisons of split and lone steps. Splitting is not always faster: on a
     * virtual machine the two cores are sometimes slowed down together (both at the hypervisor's
     * mercy, or sharing a physical core), and a hidden-128 LSTM step measured 4.3 to 5.0 µs split
     * in whole runs where it took 2.3 to 2.7 µs in others, and 3.5 µs alone. So the holder of the
     * team times {@link #PROBE_STEPS} steps each way now and then, interleaved, and keeps the
     * faster way by the medians. Both ways give the same bits, so the switch is invisible.
     */
    static final int PROBE_PERIOD = 1 << 14;
    static final int PROBE_STEPS = 32;
    private long steps;
    private boolean preferSplit = true;
    private final long[] splitNanos = new long[PROBE_STEPS];
    private final long[] aloneNanos = new long[PROBE_STEPS];

    // The step being run, set by the caller before each run of the team.
    private int layer;
    private float[] input;
    private int inputOff;
    private int inputWidth;
    private StreamState state;

    private SplitStep(Kernels kernels, Cell cell, int hidden, SpinTeam team, int[] units,
                      FloatStepWeights[][] weights) {
        this.kernels = kernels;
        this.cell = cell;
        this.hidden = hidden;
        this.team = team;
        this.units = units;
        this.weights = weights;
        int parts = units.length - 1;
        this.gates = new float[parts][];
        this.rec = new float[parts][];
        this.h = new float[parts][];
        this.c = new float[parts][];
        for (int p = 0; p < parts; p++) {
            int n = units[p + 1] - units[p];
            gates[p] = new float[cell.gates() * n];
            rec[p] = new float[cell.gates() * n];
            h[p] = new float[n];
            c[p] = cell.hasCellState() ? new float[n] : null;
        }
    }

    /**
     * The split step for {@code threads} threads, or null when no layer is large enough to gain
     * from it (or there are too few units to split).
     *
     * @param w      the snapshot's weights, as laid out by {@code layout}
     * @param inputBias     per layer, the bias the input product starts from, as the single-threaded step adds it
     * @param recurrentBias per layer, the bias of a recurrent product kept apart, or null
     * @param minSplitFloats the fewest weights (W_ih and W_hh) of a layer whose step is split
     */
    static SplitStep create(RecurrentConfig config, Kernels k, Cell cell, float[] w, ParameterLayout layout,
                            float[][] inputBias, float[][] recurrentBias, int threads, int minSplitFloats) {
        int hidden = config.hiddenSize();
        int parts = Math.min(threads, hidden / UNIT_ALIGN);
        if (parts < 2) {
            return null;
        }
        int[] units = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            units[p] = StackPass.split(hidden, parts, p, UNIT_ALIGN);
        }
        int layers = config.numLayers();
        FloatStepWeights[][] weights = new FloatStepWeights[layers][];
        boolean any = false;
        for (int l = 0; l < layers; l++) {
            ParameterLayout.DirectionOffsets p = layout.direction(l, 0, 1);
            if ((long) (p.inputSize() + hidden) * cell.gates() * hidden < minSplitFloats) {
                continue;
            }
            weights[l] = new FloatStepWeights[parts];
            for (int part = 0; part < parts; part++) {
                weights[l][part] = partWeights(k, cell, w, p, hidden, units[part], units[part + 1],
                        inputBias[l], recurrentBias[l]);
            }
            any = true;
        }
        return any ? new SplitStep(k, cell, hidden, SpinTeam.shared(parts), units, weights) : null;
    }

    /** The rows of every gate that feed units [u0, u1), packed as the single-threaded step packs the whole layer. */
    private static FloatStepWeights partWeights(Kernels k, Cell cell, float[] w, ParameterLayout.DirectionOffsets p,
                                                int hidden, int u0, int u1, float[] inputBias, float[] recurrentBias) {
        int in = p.inputSize();
        int n = u1 - u0;
        int gates = cell.gates();
        int gw = gates * n;
        PackedMatrix wIh = k.pack(Transpose.YES, in, gw, gateRows(w, p.weightIh(), in, gates, hidden, u0, u1), 0, in);
        PackedMatrix wHh = k.pack(Transpose.YES, hidden, gw, gateRows(w, p.weightHh(), hidden, gates, hidden, u0, u1), 0, hidden);
        return new FloatStepWeights(wIh, wHh, gateRows(inputBias, 0, 1, gates, hidden, u0, u1),
                recurrentBias == null ? null : gateRows(recurrentBias, 0, 1, gates, hidden, u0, u1));
    }

    /** Rows g*hidden + [u0, u1) of every gate g of a [gates*hidden][cols] matrix at {@code off}, gate after gate. */
    private static float[] gateRows(float[] m, int off, int cols, int gateCount, int hidden, int u0, int u1) {
        int n = u1 - u0;
        float[] rows = new float[gateCount * n * cols];
        for (int g = 0; g < gateCount; g++) {
            System.arraycopy(m, off + (g * hidden + u0) * cols, rows, g * n * cols, n * cols);
        }
        return rows;
    }

    /**
     * Called by the holder of the team once per step: the step's place in a probe (0 to
     * 2*PROBE_STEPS-1: even ones are split, odd ones run alone, and both are timed), or -1 outside
     * a probe.
     */
    int probeSlot() {
        long position = steps++ % PROBE_PERIOD;
        return position < 2 * PROBE_STEPS ? (int) position : -1;
    }

    /** Whether this step (in probe slot {@code slot}, or -1) shares its work. */
    boolean splitNow(int slot) {
        return slot < 0 ? preferSplit : slot % 2 == 0;
    }

    /** Records a probe step's time; after the last one, keeps the faster way until the next probe. */
    void record(int slot, long nanos) {
        (slot % 2 == 0 ? splitNanos : aloneNanos)[slot / 2] = nanos;
        if (slot == 2 * PROBE_STEPS - 1) {
            java.util.Arrays.sort(splitNanos);
            java.util.Arrays.sort(aloneNanos);
            preferSplit = splitNanos[PROBE_STEPS / 2] <= aloneNanos[PROBE_STEPS / 2];
        }
    }

    /** Whether layer {@code l}'s step is split. */
    boolean splits(int l) {
        return weights[l] != null;
    }

    /** Steps layer {@code l} of stream {@code s} on the team (which the caller holds), from its input row. */
    void step(int l, float[] in, int inOff, int inWidth, StreamState s) {
        this.layer = l;
        this.input = in;
        this.inputOff = inOff;
        this.inputWidth = inWidth;
        this.state = s;
        team.run(this, units.length - 1);
        int stateOff = l * hidden;
        for (int p = 0; p + 1 < units.length; p++) {
            int n = units[p + 1] - units[p];
            System.arraycopy(h[p], 0, s.h, stateOff + units[p], n);
            if (c[p] != null) {
                System.arraycopy(c[p], 0, s.c, stateOff + units[p], n);
            }
        }
        this.input = null;
        this.state = null;
    }

    @Override
    public void runPart(int part) {
        int u0 = units[part];
        int n = units[part + 1] - u0;
        int stateOff = layer * hidden;
        weights[layer][part].preactivations(kernels, cell, 1, input, inputOff, inputWidth, state.h, stateOff, hidden,
                gates[part], rec[part]);
        // The units' own state goes to scratch: the other parts are still reading the previous state.
        System.arraycopy(state.h, stateOff + u0, h[part], 0, n);
        if (c[part] != null) {
            System.arraycopy(state.c, stateOff + u0, c[part], 0, n);
        }
        cell.step(kernels, 1, n, gates[part], rec[part], h[part], c[part], 0);
    }
}
