package dev.rnn4j.model;

import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** The result of {@link SequenceModel#forward}: the head's output and what backward needs. */
public final class ModelPass {

    final int batch;
    final int time;
    final int[] lengths;
    final RecurrentOutput[] layers;
    /** Per layer, the inverted-dropout mask applied to its output, or null. */
    final float[][] dropoutMasks;
    /** Per layer, what its layer norm's backward needs, or null where it has none. */
    final LayerNorm.Cache[] normCaches;
    /** What the head read: [B][W] (last step) or [B*T][W] (every step, batch-major). */
    final float[] headInput;
    final Tensor output;

    ModelPass(int batch, int time, int[] lengths, RecurrentOutput[] layers, float[][] dropoutMasks,
              LayerNorm.Cache[] normCaches, float[] headInput,
              Tensor output) {
        this.batch = batch;
        this.time = time;
        this.lengths = lengths;
        this.layers = layers;
        this.dropoutMasks = dropoutMasks;
        this.normCaches = normCaches;
        this.headInput = headInput;
        this.output = output;
    }

    /** The head's output: {@code [B, O]} for a last-step head, {@code [B, T, O]} for an every-step head. */
    public Tensor output() {
        return output;
    }

    /** Valid length of each row (null: all full length). */
    public int[] lengths() {
        return lengths;
    }

    public int batch() {
        return batch;
    }

    public int time() {
        return time;
    }

    /** The state every layer ended in, to carry into the next chunk or batch. */
    public ModelState finalState() {
        List<Tensor> h = new ArrayList<>();
        List<Tensor> c = new ArrayList<>();
        for (RecurrentOutput o : layers) {
            h.add(o.hN());
            c.add(o.cN());
        }
        return new ModelState(h, c);
    }

    /**
     * What recurrent layer {@code i} produced: its output sequence {@code [B, T, D*H]} (before any
     * residual, layer norm or dropout) and final states; until backward, its gate activations.
     */
    public RecurrentOutput layer(int i) {
        return layers[i];
    }

    /** The last layer's output sequence {@code [B, T, D*H]} (zero at padded steps). */
    public Tensor lastLayerOutput() {
        return layers[layers.length - 1].output();
    }
}
