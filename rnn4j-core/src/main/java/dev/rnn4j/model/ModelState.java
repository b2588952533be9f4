package dev.rnn4j.model;

import dev.rnn4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The recurrent state of every layer for a batch, carried between chunks (truncated BPTT) or
 * between consecutive batches (stateful training). Values only: carrying a state never carries
 * gradients, which is what "detached" means here.
 *
 * @param h per layer, the hidden state {@code [D, B, H]}
 * @param c per layer, the LSTM cell state {@code [D, B, H]}, or null for other cells
 */
public record ModelState(List<Tensor> h, List<Tensor> c) {

    public ModelState {
        h = List.copyOf(h);
        c = new ArrayList<>(c); // may hold nulls
    }

    public int batch() {
        return h.get(0).dim(1);
    }

    /** Rows {@code [from, to)} of every tensor. */
    public ModelState rows(int from, int to) {
        List<Tensor> hs = new ArrayList<>();
        List<Tensor> cs = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            hs.add(rows(h.get(i), from, to));
            cs.add(c.get(i) == null ? null : rows(c.get(i), from, to));
        }
        return new ModelState(hs, cs);
    }

    /** Stacks the rows of several states (same layers), in order. */
    public static ModelState concat(List<ModelState> parts) {
        List<Tensor> hs = new ArrayList<>();
        List<Tensor> cs = new ArrayList<>();
        int layers = parts.get(0).h.size();
        for (int i = 0; i < layers; i++) {
            int layer = i;
            hs.add(concatRows(parts.stream().map(p -> p.h.get(layer)).toList()));
            cs.add(parts.get(0).c.get(i) == null ? null : concatRows(parts.stream().map(p -> p.c.get(layer)).toList()));
        }
        return new ModelState(hs, cs);
    }

    private static Tensor rows(Tensor t, int from, int to) {
        int dirs = t.dim(0);
        int batch = t.dim(1);
        int hidden = t.dim(2);
        float[] out = new float[dirs * (to - from) * hidden];
        for (int d = 0; d < dirs; d++) {
            System.arraycopy(t.data(), (d * batch + from) * hidden, out, d * (to - from) * hidden, (to - from) * hidden);
        }
        return Tensor.of(out, dirs, to - from, hidden);
    }

    private static Tensor concatRows(List<Tensor> parts) {
        int dirs = parts.get(0).dim(0);
        int hidden = parts.get(0).dim(2);
        int batch = parts.stream().mapToInt(t -> t.dim(1)).sum();
        float[] out = new float[dirs * batch * hidden];
        for (int d = 0; d < dirs; d++) {
            int row = 0;
            for (Tensor t : parts) {
                int b = t.dim(1);
                System.arraycopy(t.data(), d * b * hidden, out, (d * batch + row) * hidden, b * hidden);
                row += b;
            }
        }
        return Tensor.of(out, dirs, batch, hidden);
    }
}
