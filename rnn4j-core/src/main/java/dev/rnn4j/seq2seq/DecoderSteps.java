package dev.rnn4j.seq2seq;

import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;

/**
 * The decoder of an {@link EncoderDecoder} run one step at a time for a batch of rows, each row
 * attending to its own source: what greedy decoding, beam search and scheduled sampling need.
 * Each step feeds one symbol per row and returns the logits of the next. The layers are those of
 * the whole-sequence pass (the recurrent stack runs one step from the carried state), so fed the
 * same symbols, the steps give the same logits as {@link EncoderDecoder#forward}.
 */
final class DecoderSteps {

    private final EncoderDecoder model;
    private final int layers;
    private final int hidden;
    private LuongAttention.Source source;
    private Tensor h;
    private Tensor c;

    /** Starts decoding every source: the decoder state comes from the encoder through the bridge. */
    DecoderSteps(EncoderDecoder model, int[][] sources) {
        this.model = model;
        this.layers = model.config().layers();
        this.hidden = model.config().decoderHidden();
        EncoderDecoder.Encoded enc = model.encode(sources, false);
        this.source = enc.attended();
        this.h = model.initialState(enc.hidden());
        this.c = model.initialState(enc.cell());
    }

    /** Rows currently decoded. */
    int rows() {
        return h.dim(1);
    }

    /** Feeds {@code symbols} (one per row) and returns the next logits [rows * V]. */
    float[] step(int[] symbols) {
        if (symbols.length != rows()) {
            throw new IllegalArgumentException("Expected one symbol per row (" + rows() + "), got " + symbols.length + ".");
        }
        RecurrentOutput out = model.decoder().infer(model.embedTargets(symbols), null, h, c);
        h = out.hN();
        c = out.cN();
        return model.logits(source, out.output().data(), rows(), 1, new LuongAttention.Pass[1]);
    }

    /** Keeps the rows {@code from[i]} (in that order, repeats allowed): how beam search follows its hypotheses. */
    void select(int[] from) {
        h = gatherState(h, from);
        c = c == null ? null : gatherState(c, from);
        if (source != null) {
            source = gatherSource(source, from);
        }
    }

    private Tensor gatherState(Tensor state, int[] from) {
        int rows = state.dim(1);
        float[] out = new float[layers * from.length * hidden];
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < from.length; i++) {
                System.arraycopy(state.data(), (l * rows + from[i]) * hidden, out, (l * from.length + i) * hidden, hidden);
            }
        }
        return Tensor.of(out, layers, from.length, hidden);
    }

    private static LuongAttention.Source gatherSource(LuongAttention.Source s, int[] from) {
        int steps = s.steps();
        int ew = s.encoded().length / (s.batch() * steps);
        int kw = s.keys().length / (s.batch() * steps);
        float[] enc = new float[from.length * steps * ew];
        float[] keys = s.keys() == s.encoded() ? enc : new float[from.length * steps * kw];
        int[] lengths = new int[from.length];
        for (int i = 0; i < from.length; i++) {
            System.arraycopy(s.encoded(), from[i] * steps * ew, enc, i * steps * ew, steps * ew);
            if (keys != enc) {
                System.arraycopy(s.keys(), from[i] * steps * kw, keys, i * steps * kw, steps * kw);
            }
            lengths[i] = s.lengths()[from[i]];
        }
        return new LuongAttention.Source(enc, keys, lengths, from.length, steps);
    }
}
