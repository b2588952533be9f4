package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;
import java.util.Arrays;

/**
 * Runs the layers of a stack over a {@link Workspace}, layer after layer, with each layer's
 * phases ({@link DirectionPass}) spread over a {@link WorkerPool}:
 * <ul>
 *   <li>large products (input projection, weight and input gradients) are split into row ranges,
 *       one per thread;</li>
 *   <li>time loops run as independent units, one per direction and batch-row range: the two
 *       directions of a bidirectional layer in parallel, and with threads to spare, disjoint
 *       groups of sequences. Each unit's per-step product stays on one thread, so no thread
 *       waits for another inside the time loop.</li>
 * </ul>
 */
final class StackPass {

    /** Fewest batch rows worth giving a thread of their own in the time loop. */
    private static final int MIN_ROWS_PER_UNIT = 8;
    /** Row ranges are multiples of this where possible: the height of the GEMM micro-tiles. */
    private static final int ROW_ALIGN = 8;
    /**
     * Parts per thread of a parallel phase. Two (so that work could move away from a delayed
     * thread) measured worse than one with 2 threads, alternated: a time-loop unit streams the
     * packed weights once per step, so twice the units read them twice as often, and each weight
     * gradient part packs its own copy of the right operand. With one: D training +3 %, B +8 %,
     * D inference steadier (1.21 thousand seq/s in every round, against 0.60 to 1.18), the rest
     * equal or better. The other side of it: while this host's second core ran slow, two parts per
     * thread let the caller take three of four and did better (C inference +17 %, training +5 %);
     * a split that adapts to a slow thread is the way to have both.
     */
    private static final int PARTS_PER_THREAD = 1;

    private final Kernels k;
    private final Cell cell;
    private final RecurrentConfig config;
    private final ParameterLayout layout;
    private final WorkerPool pool;
    private final int perStepProjectionMaxFloats;

    /** Projects inside the time loop the layers whose W_ih has at most {@code perStepProjectionMaxFloats} elements. */
    StackPass(Kernels k, Cell cell, RecurrentConfig config, ParameterLayout layout, WorkerPool pool, int perStepProjectionMaxFloats) {
        this.k = k;
        this.cell = cell;
        this.config = config;
        this.layout = layout;
        this.pool = pool;
        this.perStepProjectionMaxFloats = perStepProjectionMaxFloats;
    }

    /** Start of part {@code part} when n items are split into {@code parts} aligned ranges. */
    static int split(int n, int parts, int part, int align) {
        if (part >= parts) {
            return n;
        }
        int start = (int) ((long) n * part / parts);
        return Math.min(n, (start + align / 2) / align * align);
    }

    /**
     * Time-loop units per direction for this batch: {@link #PARTS_PER_THREAD} per thread (a
     * bidirectional layer's two directions already give each thread a unit), at least
     * {@link #MIN_ROWS_PER_UNIT} rows each.
     */
    private int rowGroups(int batch) {
        if (pool.threads() == 1) {
            return 1;
        }
        int perDirection = Math.max(1, PARTS_PER_THREAD * pool.threads() / config.directions());
        return Math.max(1, Math.min(perDirection, batch / MIN_ROWS_PER_UNIT));
    }

    /** Parts of each large product. */
    private int productParts() {
        return pool.threads() == 1 ? 1 : PARTS_PER_THREAD * pool.threads();
    }

    /** Whether this layer's steps project their own input (the directions of a layer share its input size, so they choose alike). */
    private boolean projectsPerStep(int layer) {
        return DirectionPass.projectsPerStep(layout.direction(layer, 0, config.directions()), cell.gates() * config.hiddenSize(),
                perStepProjectionMaxFloats);
    }

    /**
     * Forward through every layer of the caller's batch-first input {@code x} [B][T][I] (copied
     * time-major into the workspace where a phase needs it so); the last layer writes
     * straight into {@code output}, batch-first [B][T][D*H] (no conversion pass); final states go
     * to hN/cN [L*D][B][H]. {@code recurrentMask} [L*D][B][H] (or null) is the variational
     * recurrent dropout mask of every layer-direction. {@code packs}, when not null, supplies the
     * packed weights (see {@link InferencePacks#pack}); otherwise they are packed for this pass.
     */
    void forward(Workspace ws, float[] x, float[] w, int[] lengths, float[] h0, float[] c0, float[] recurrentMask,
                 float[] hN, float[] cN, float[] output, InferencePacks packs) {
        int batch = ws.batch;
        int rows = batch * ws.time;
        int dirs = config.directions();
        int width = config.outputSize();
        int bh = batch * config.hiddenSize();
        int groups = rowGroups(batch);
        int features = config.inputSize();
        float[] input;
        int inputTimeStride;
        int inputBatchStride;
        if (ws.inference && projectsPerStep(0)) {
            // Each step reads its rows of the caller's batch-major input in place: nothing else
            // reads the input of an inference pass, so the time-major copy is skipped.
            input = x;
            inputTimeStride = features;
            inputBatchStride = ws.time * features;
        } else {
            // The up-front projection and the weight gradients read all T*B rows as one matrix.
            input = Layouts.toTimeMajor(x, batch, ws.time, features, ws.timeMajorInput(features));
            inputTimeStride = batch * features;
            inputBatchStride = features;
        }
        for (int li = 0; li < config.numLayers(); li++) {
            int layer = li;
            int base = layer * dirs;
            boolean last = layer == config.numLayers() - 1;
            float[] out = last ? output : ws.layerOutput[layer];
            int timeStride = last ? width : batch * width;
            int batchStride = last ? ws.time * width : width;
            for (int d = 0; d < dirs; d++) {
                DirectionCache m = ws.caches[base + d];
                m.readInput(input, inputTimeStride, inputBatchStride);
                m.lengths = lengths;
                m.useRecurrentMask(recurrentMask, (base + d) * bh);
            }
            boolean perStep = projectsPerStep(layer);
            for (int d = 0; d < dirs; d++) {
                ws.caches[base + d].prepareGates(cell, perStep);
            }
            if (!perStep) {
                int parts = productParts();
                pool.run(parts, part -> {
                    int r0 = split(rows, parts, part, ROW_ALIGN);
                    int r1 = split(rows, parts, part + 1, ROW_ALIGN);
                    for (int d = 0; d < dirs; d++) {
                        DirectionPass.project(k, cell, ws.caches[base + d], w, layout.direction(layer, d, dirs), r0, r1);
                    }
                });
            }
            for (int d = 0; d < dirs; d++) {
                DirectionCache m = ws.caches[base + d];
                if (packs == null) {
                    DirectionPass.packForward(k, cell, m, w, layout.direction(layer, d, dirs), perStep);
                } else {
                    packs.pack(base + d, k, cell, m, w, layout.direction(layer, d, dirs), perStep);
                }
                DirectionPass.beginForward(m, h0, c0, (base + d) * bh);
            }
            pool.run(dirs * groups, unit -> {
                int d = unit % dirs;
                int group = unit / dirs;
                DirectionPass.forward(k, cell, ws.caches[base + d], w, layout.direction(layer, d, dirs),
                        split(batch, groups, group, ROW_ALIGN), split(batch, groups, group + 1, ROW_ALIGN),
                        out, timeStride, batchStride, d * config.hiddenSize());
            });
            for (int d = 0; d < dirs; d++) {
                DirectionCache m = ws.caches[base + d];
                DirectionPass.finalState(m, m.h, hN, (base + d) * bh);
                if (cN != null) {
                    DirectionPass.finalState(m, m.c, cN, (base + d) * bh);
                }
            }
            input = out;
            inputTimeStride = batch * width;
            inputBatchStride = width;
        }
    }

    /**
     * Backward through every layer of a forward pass held in {@code ws}. {@code dy} is the
     * batch-first output gradient [B][T][D*H] (or null); parameter gradients are added into {@code g};
     * returns the time-major input gradient (a workspace buffer), or null when
     * {@code inputGradient} is false and the first layer's input product is skipped.
     */
    float[] backward(Workspace ws, float[] w, float[] g, float[] dy, float[] dhN, float[] dcN,
                     float[] dh0, float[] dc0, boolean inputGradient) {
        int batch = ws.batch;
        int rows = batch * ws.time;
        int dirs = config.directions();
        int hidden = config.hiddenSize();
        int width = config.outputSize();
        int bh = batch * hidden;
        int groups = rowGroups(batch);
        int gw = cell.gates() * hidden;
        float[] upstream = dy;
        float[] dx = null;
        for (int li = config.numLayers() - 1; li >= 0; li--) {
            int layer = li;
            int base = layer * dirs;
            float[] dyLayer = upstream;
            // The caller's output gradient is batch-major and read in place; the layers' own are time-major.
            boolean top = layer == config.numLayers() - 1;
            int dyTimeStride = top ? width : batch * width;
            int dyBatchStride = top ? ws.time * width : width;
            for (int d = 0; d < dirs; d++) {
                DirectionPass.beginBackward(k, cell, ws.caches[base + d], w, layout.direction(layer, d, dirs));
            }
            pool.run(dirs * groups, unit -> {
                int d = unit % dirs;
                int group = unit / dirs;
                DirectionPass.backward(k, cell, ws.caches[base + d], dyLayer, dyTimeStride, dyBatchStride, d * hidden, dhN, dcN,
                        (base + d) * bh, dh0, dc0,
                        split(batch, groups, group, ROW_ALIGN), split(batch, groups, group + 1, ROW_ALIGN));
            });
            // The first layer's input gradient only when asked for: nothing below it needs it.
            boolean wantsDx = layer > 0 || inputGradient;
            float[] dxLayer = wantsDx ? ws.layerGradient(config, layer) : null;
            if (wantsDx) {
                Arrays.fill(dxLayer, 0f);
            }
            int parts = productParts();
            pool.run(parts, part -> {
                // Disjoint gate rows of the weight gradients, disjoint time-major rows of dx.
                int g0 = split(gw, parts, part, ROW_ALIGN);
                int g1 = split(gw, parts, part + 1, ROW_ALIGN);
                int r0 = split(rows, parts, part, ROW_ALIGN);
                int r1 = split(rows, parts, part + 1, ROW_ALIGN);
                for (int d = 0; d < dirs; d++) {
                    ParameterLayout.DirectionOffsets p = layout.direction(layer, d, dirs);
                    DirectionPass.weightGradients(k, ws.caches[base + d], g, p, g0, g1);
                    if (wantsDx) {
                        DirectionPass.inputGradient(k, ws.caches[base + d], w, p, dxLayer, r0, r1);
                    }
                }
            });
            dx = dxLayer;
            upstream = dxLayer;
        }
        return dx;
    }
}
