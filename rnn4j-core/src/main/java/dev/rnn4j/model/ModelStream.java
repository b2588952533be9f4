package dev.rnn4j.model;

import dev.rnn4j.nn.StreamState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The state of one stream of a {@link StreamingModel}: every layer's {@link StreamState}, the
 * step's scratch features, and how many steps the stream has taken since its start or last reset
 * (for the trained-length guard). Constant size; owned by one stream (not thread-safe).
 */
public final class ModelStream {

    final StreamState[] layers;
    /** Two feature buffers the layers write into alternately (a layer reads the other one). */
    final float[] a;
    final float[] b;
    long steps;

    ModelStream(StreamState[] layers, int maxWidth) {
        this.layers = layers;
        this.a = new float[maxWidth];
        this.b = new float[maxWidth];
    }

    /** Back to the start of a stream: zero states, zero steps. */
    public void reset() {
        for (StreamState s : layers) {
            s.reset();
        }
        steps = 0;
    }

    /** An independent copy (to branch a stream, or try steps and roll back). */
    public ModelStream copy() {
        StreamState[] c = new StreamState[layers.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = layers[i].copy();
        }
        ModelStream m = new ModelStream(c, a.length);
        m.steps = steps;
        return m;
    }

    /** Steps taken since the stream started or was reset. */
    public long steps() {
        return steps;
    }

    /** The state of recurrent layer {@code layer} (e.g. to watch its hidden state with a drift monitor). */
    public StreamState layer(int layer) {
        if (layer < 0 || layer >= layers.length) {
            throw new IllegalArgumentException("layer must be in [0, " + layers.length + "), got " + layer + ".");
        }
        return layers[layer];
    }

    /** A checkpoint: the step count (8 bytes), then each layer's {@link StreamState#toBytes()}, little-endian. */
    public byte[] toBytes() {
        int n = 8;
        for (StreamState s : layers) {
            n += 4 * s.size();
        }
        ByteBuffer buf = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(steps);
        for (StreamState s : layers) {
            buf.put(s.toBytes());
        }
        return buf.array();
    }

    /** Restores a checkpoint of {@link #toBytes()} bit for bit; the stream is unchanged if the bytes do not fit it. */
    public void loadBytes(byte[] bytes) {
        int n = 8;
        for (StreamState s : layers) {
            n += 4 * s.size();
        }
        if (bytes.length != n) {
            throw new IllegalArgumentException("A stream checkpoint of this model is " + n + " bytes, got " + bytes.length + ".");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long s = buf.getLong();
        if (s < 0) {
            throw new IllegalArgumentException("A stream checkpoint's step count must be >= 0, got " + s + ".");
        }
        StreamState[] restored = new StreamState[layers.length];
        for (int i = 0; i < layers.length; i++) {
            byte[] part = new byte[4 * layers[i].size()];
            buf.get(part);
            restored[i] = layers[i].copy();
            restored[i].loadBytes(part); // validates before anything of this stream changes
        }
        for (int i = 0; i < layers.length; i++) {
            layers[i].copyFrom(restored[i]);
        }
        steps = s;
    }
}
