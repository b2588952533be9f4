package dev.rnn4j.data;

import dev.rnn4j.tensor.Tensor;
import java.util.List;

/**
 * Sequences padded to one tensor, with their lengths and targets.
 *
 * @param x           inputs {@code [B, T, F]}, zero past each row's length
 * @param lengths     valid length per row, or null when every row has T steps
 * @param targets     {@code [B][targetWidth]} for a last-step head, {@code [B][T][targetWidth]} for an every-step head
 * @param targetWidth target values per prediction row
 * @param weights     per-row loss weights
 */
public record Batch(Tensor x, int[] lengths, float[] targets, int targetWidth, float[] weights) {

    public int size() {
        return x.dim(0);
    }

    public int time() {
        return x.dim(1);
    }

    /** The valid length of row b. */
    public int length(int b) {
        return lengths == null ? time() : lengths[b];
    }

    /**
     * Pads {@code items} into one batch. {@code perStep}: targets are per timestep (every-step
     * head), else one row per sequence.
     */
    public static Batch of(List<Sequence> items, boolean perStep) {
        int batch = items.size();
        int features = items.get(0).features();
        int time = items.stream().mapToInt(Sequence::length).max().orElseThrow();
        int width = perStep ? items.get(0).target().length / items.get(0).length() : items.get(0).target().length;
        float[] x = new float[batch * time * features];
        int[] lengths = new int[batch];
        float[] targets = new float[batch * (perStep ? time : 1) * width];
        float[] weights = new float[batch];
        boolean ragged = false;
        for (int b = 0; b < batch; b++) {
            Sequence s = items.get(b);
            if (s.features() != features) {
                throw new IllegalArgumentException("Sequence " + s.id() + " has " + s.features() + " features, expected "
                        + features + " like the rest of the batch.");
            }
            System.arraycopy(s.values(), 0, x, b * time * features, s.values().length);
            lengths[b] = s.length();
            ragged |= s.length() != time;
            System.arraycopy(s.target(), 0, targets, b * (perStep ? time : 1) * width, s.target().length);
            weights[b] = s.weight();
        }
        return new Batch(Tensor.of(x, batch, time, features), ragged ? lengths : null, targets, width, weights);
    }

    /** Rows {@code [from, to)} of this batch. */
    public Batch rows(int from, int to) {
        int time = time();
        int f = x.dim(2);
        int n = to - from;
        float[] xs = new float[n * time * f];
        System.arraycopy(x.data(), from * time * f, xs, 0, xs.length);
        int perRow = targets.length / size();
        float[] ts = new float[n * perRow];
        System.arraycopy(targets, from * perRow, ts, 0, ts.length);
        float[] ws = new float[n];
        System.arraycopy(weights, from, ws, 0, n);
        int[] ls = null;
        if (lengths != null) {
            ls = new int[n];
            System.arraycopy(lengths, from, ls, 0, n);
        }
        return new Batch(Tensor.of(xs, n, time, f), ls, ts, targetWidth, ws);
    }

    /** Timesteps {@code [from, to)} of the inputs, as a {@code [B, to-from, F]} tensor. */
    public Tensor timeSlice(int from, int to) {
        int batch = size();
        int time = time();
        int f = x.dim(2);
        int span = to - from;
        float[] out = new float[batch * span * f];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(x.data(), (b * time + from) * f, out, b * span * f, span * f);
        }
        return Tensor.of(out, batch, span, f);
    }
}
