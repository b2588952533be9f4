package dev.rnn4j.nn;

import java.util.Arrays;

/**
 * The state of one stream of a {@link StreamingNetwork}: the hidden (and, for LSTM, cell) state of
 * every layer, plus the step's scratch buffers, so a step allocates nothing. Constant size, owned
 * by one stream at a time (not thread-safe); the network itself is shared.
 *
 * <p>For checkpointing, {@link #saveTo}/{@link #loadFrom} copy the state as {@link #size()}
 * floats: the hidden states of layers 0..L-1 ([L][H]), then the cell states for LSTM.
 */
public final class StreamState {

    final int layers;
    final int hidden;
    /** Hidden state per layer, [L][H]. */
    final float[] h;
    /** Cell state per layer (LSTM), [L][H], else null. */
    final float[] c;
    /** Scratch: the input part of the gate pre-activations, then the activated gates. */
    final float[] gates;
    /** Scratch: the recurrent part of the gate pre-activations. */
    final float[] rec;

    StreamState(RecurrentConfig config) {
        this.layers = config.numLayers();
        this.hidden = config.hiddenSize();
        this.h = new float[layers * hidden];
        this.c = config.cell().hasCellState() ? new float[layers * hidden] : null;
        int gw = config.cell().gates() * hidden;
        this.gates = new float[gw];
        this.rec = new float[gw];
    }

    private StreamState(StreamState other) {
        this.layers = other.layers;
        this.hidden = other.hidden;
        this.h = other.h.clone();
        this.c = other.c == null ? null : other.c.clone();
        this.gates = new float[other.gates.length];
        this.rec = new float[other.rec.length];
    }

    /** Back to the zero state, as at the start of a stream. */
    public void reset() {
        Arrays.fill(h, 0f);
        if (c != null) {
            Arrays.fill(c, 0f);
        }
    }

    /** An independent copy (e.g. to branch a stream, or to try steps and roll back). */
    public StreamState copy() {
        return new StreamState(this);
    }

    /** Overwrites this state with {@code other}'s; both must come from networks of the same shape. */
    public void copyFrom(StreamState other) {
        if (other.h.length != h.length || (other.c == null) != (c == null)) {
            throw new IllegalArgumentException("Cannot copy a stream state of " + other.size() + " floats into one of "
                    + size() + " floats: the networks differ in shape.");
        }
        System.arraycopy(other.h, 0, h, 0, h.length);
        if (c != null) {
            System.arraycopy(other.c, 0, c, 0, c.length);
        }
    }

    /** Number of floats {@link #saveTo} writes: L*H, or 2*L*H for LSTM. */
    public int size() {
        return h.length + (c == null ? 0 : c.length);
    }

    /** Hidden state of one layer, as a copy. */
    public float[] hidden(int layer) {
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException("layer must be in [0, " + layers + "), got " + layer + ".");
        }
        return Arrays.copyOfRange(h, layer * hidden, (layer + 1) * hidden);
    }

    /** The L2 norm of one layer's hidden state, without copying it (for drift monitoring per step). */
    public double hiddenNorm(int layer) {
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException("layer must be in [0, " + layers + "), got " + layer + ".");
        }
        double sq = 0;
        for (int i = layer * hidden; i < (layer + 1) * hidden; i++) {
            sq += (double) h[i] * h[i];
        }
        return Math.sqrt(sq);
    }

    /** Writes {@link #size()} floats into {@code dst} from {@code off}. */
    public void saveTo(float[] dst, int off) {
        if (off < 0 || dst.length - off < size()) {
            throw new IllegalArgumentException("Expected room for " + size() + " floats at offset " + off + ", got an array of "
                    + dst.length + ".");
        }
        System.arraycopy(h, 0, dst, off, h.length);
        if (c != null) {
            System.arraycopy(c, 0, dst, off + h.length, c.length);
        }
    }

    /** The state as {@code 4 * size()} bytes, little-endian float32 in {@link #saveTo} order: a checkpoint. */
    public byte[] toBytes() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * size()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(h);
        if (c != null) {
            b.position(4 * h.length);
            b.asFloatBuffer().put(c);
        }
        return b.array();
    }

    /** Restores a state written by {@link #toBytes()} (bit for bit); nothing changes if the bytes are invalid. */
    public void loadBytes(byte[] bytes) {
        if (bytes.length != 4 * size()) {
            throw new IllegalArgumentException("A stream state of this network is " + 4 * size() + " bytes, got " + bytes.length + ".");
        }
        float[] v = new float[size()];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        loadFrom(v, 0);
    }

    /** Reads {@link #size()} finite floats from {@code src} at {@code off}; nothing changes if they are invalid. */
    public void loadFrom(float[] src, int off) {
        if (off < 0 || src.length - off < size()) {
            throw new IllegalArgumentException("Expected " + size() + " floats at offset " + off + ", got an array of "
                    + src.length + ".");
        }
        for (int i = 0; i < size(); i++) {
            if (!Float.isFinite(src[off + i])) {
                throw new IllegalArgumentException("Stream state must be finite, got " + src[off + i] + " at index "
                        + (off + i) + ".");
            }
        }
        System.arraycopy(src, off, h, 0, h.length);
        if (c != null) {
            System.arraycopy(src, off + h.length, c, 0, c.length);
        }
    }
}
