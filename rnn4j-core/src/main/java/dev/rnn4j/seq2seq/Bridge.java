package dev.rnn4j.seq2seq;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.model.Dense;

/**
 * Turns the encoder's final states into the decoder's initial states, layer by layer: the
 * directions of encoder layer l are concatenated (forward then backward) and, when that width
 * differs from the decoder's, mapped by a dense layer (tanh for hidden states, linear for LSTM
 * cell states), the same weights for every layer. With equal widths the concatenation is the
 * state, as in the classic encoder-decoder.
 */
final class Bridge {

    private final int layers;
    private final int directions;
    private final int encoderHidden;
    private final int decoderHidden;
    private final Dense dense;
    private final boolean squash;

    /** {@code dense}: null to copy; {@code squash}: tanh after the dense layer. */
    Bridge(Seq2SeqConfig c, Dense dense, boolean squash) {
        this.layers = c.layers();
        this.directions = c.encoderBidirectional() ? 2 : 1;
        this.encoderHidden = c.encoderHidden();
        this.decoderHidden = c.decoderHidden();
        this.dense = dense;
        this.squash = squash;
    }

    /** What backward needs: the concatenated rows and the output. */
    record Pass(float[] rows, float[] out, int batch) {
    }

    /** Maps {@code state} [L*D, B, He] to [L, B, Hd]. */
    Pass forward(Kernels k, float[] w, float[] state, int batch) {
        float[] rows = concatenate(state, batch);
        if (dense == null) {
            return new Pass(rows, rows, batch);
        }
        float[] out = new float[layers * batch * decoderHidden];
        dense.forward(k, w, rows, layers * batch, out);
        if (squash) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.tanh(out[i]);
            }
        }
        return new Pass(rows, out, batch);
    }

    /** Gradient w.r.t. the encoder state [L*D, B, He] from {@code dOut} [L, B, Hd]; parameter gradients added to {@code g}. */
    float[] backward(Kernels k, float[] w, float[] g, Pass pass, float[] dOut) {
        float[] dRows = dOut;
        if (dense != null) {
            float[] dz = dOut.clone();
            if (squash) {
                for (int i = 0; i < dz.length; i++) {
                    dz[i] *= 1 - pass.out()[i] * pass.out()[i];
                }
            }
            dRows = dense.backward(k, w, g, pass.rows(), dz, layers * pass.batch());
        }
        return split(dRows, pass.batch());
    }

    /** [L*D, B, H] (slice l*D+d) to rows [L, B, D*H]. */
    private float[] concatenate(float[] state, int batch) {
        int width = directions * encoderHidden;
        float[] rows = new float[layers * batch * width];
        for (int l = 0; l < layers; l++) {
            for (int d = 0; d < directions; d++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(state, ((l * directions + d) * batch + b) * encoderHidden, rows,
                            (l * batch + b) * width + d * encoderHidden, encoderHidden);
                }
            }
        }
        return rows;
    }

    private float[] split(float[] rows, int batch) {
        int width = directions * encoderHidden;
        float[] state = new float[layers * directions * batch * encoderHidden];
        for (int l = 0; l < layers; l++) {
            for (int d = 0; d < directions; d++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(rows, (l * batch + b) * width + d * encoderHidden, state,
                            ((l * directions + d) * batch + b) * encoderHidden, encoderHidden);
                }
            }
        }
        return state;
    }
}
