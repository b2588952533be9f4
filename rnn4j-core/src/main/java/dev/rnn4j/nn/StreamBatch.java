package dev.rnn4j.nn;

/**
 * Scratch buffers for stepping up to {@link #capacity()} streams of one {@link StreamingNetwork}
 * at once ({@link StreamingNetwork#step(float[], StreamState[], int, float[], StreamBatch)}): the
 * streams' states are gathered into contiguous rows, stepped with one matrix product per layer and
 * weight matrix, and scattered back. Owned by one thread; made by {@link StreamingNetwork#newBatch}.
 */
public final class StreamBatch {

    final int capacity;
    final int hidden;
    final int gateWidth;
    /** Gate pre-activations, then activations, [capacity][G*H]. */
    final float[] gates;
    /** Recurrent pre-activations, [capacity][G*H]. */
    final float[] rec;
    /** The current layer's hidden states, gathered, [capacity][H]. */
    final float[] h;
    /** The current layer's cell states (LSTM), gathered, [capacity][H]; else null. */
    final float[] c;
    /** The layer below's new hidden states, the current layer's input, [capacity][H]. */
    final float[] below;

    StreamBatch(RecurrentConfig config, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A stream batch needs room for at least 1 stream, got " + capacity + ".");
        }
        this.capacity = capacity;
        this.hidden = config.hiddenSize();
        this.gateWidth = config.cell().gates() * hidden;
        this.gates = new float[capacity * gateWidth];
        this.rec = new float[capacity * gateWidth];
        this.h = new float[capacity * hidden];
        this.c = config.cell().hasCellState() ? new float[capacity * hidden] : null;
        this.below = new float[capacity * hidden];
    }

    /** The most streams one batched step can take with this scratch. */
    public int capacity() {
        return capacity;
    }
}
