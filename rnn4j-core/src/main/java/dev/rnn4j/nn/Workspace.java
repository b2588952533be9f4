package dev.rnn4j.nn;

/**
 * The buffers of one forward (and backward) pass through a stack: the time-major input, each
 * layer's output, one {@link DirectionCache} per layer-direction, and the backward's gradient
 * buffers. A network keeps idle workspaces and hands one to each pass, so repeated passes of the
 * same shape allocate nothing large; a different batch size or length reallocates.
 */
final class Workspace {
    final int batch;
    final int time;
    /** The input, time-major [T][B][I]; allocated on first use (inference whose first layer projects per step reads the caller's input). */
    private float[] input;
    /** Output of each layer but the last (which writes the caller's batch-first array), time-major [T][B][D*H]. */
    final float[][] layerOutput;
    /** Index layer * D + direction. */
    final DirectionCache[] caches;
    /**
     * Backward, time-major: index k &lt; L is the gradient of layer k's input (so of layer k-1's
     * output). The stack's output gradient is read where the caller holds it.
     */
    float[][] layerGradient;

    /** Whether this workspace serves inference only (rolling caches, see {@link DirectionCache}). */
    final boolean inference;

    Workspace(RecurrentConfig config, Cell cell, int batch, int time, boolean inference) {
        this.batch = batch;
        this.time = time;
        this.inference = inference;
        this.layerOutput = new float[config.numLayers() - 1][time * batch * config.outputSize()];
        this.caches = new DirectionCache[config.stateSlices()];
        for (int slice = 0; slice < caches.length; slice++) {
            caches[slice] = new DirectionCache(cell, TimeDirection.of(slice % config.directions()), batch, time,
                    config.hiddenSize(), inference);
        }
    }

    boolean fits(int b, int t, boolean forInference) {
        return b == batch && t == time && forInference == inference;
    }

    /** The buffer for the time-major input of {@code features} per step, allocated on first use. */
    float[] timeMajorInput(int features) {
        if (input == null) {
            input = new float[time * batch * features];
        }
        return input;
    }

    /** Backward gradient buffer {@code index} (see {@link #layerGradient}), allocated on first use. */
    float[] layerGradient(RecurrentConfig config, int index) {
        if (layerGradient == null) {
            layerGradient = new float[config.numLayers()][];
        }
        if (layerGradient[index] == null) {
            layerGradient[index] = new float[time * batch * config.layerInputSize(index)];
        }
        return layerGradient[index];
    }
}
