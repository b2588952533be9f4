package dev.rnn4j.text.tagger;

import dev.rnn4j.nn.ParameterLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each named parameter of a composite model lives in one flat {@code float[]}: names in the
 * style of a PyTorch module's state dict ({@code word_embedding.weight}, {@code lstm.weight_ih_l0},
 * {@code crf.transitions}), so the optimiser, gradient clipping and a weights file all walk one
 * array. Built by the model that owns it; read-only to everyone else.
 */
public final class ParameterTable {

    private final List<ParameterLayout.Entry> entries = new ArrayList<>();
    private final Map<String, ParameterLayout.Entry> byName = new LinkedHashMap<>();
    private int total;

    /** Appends a parameter and returns its offset. */
    int add(String name, int... shape) {
        int size = 1;
        for (int s : shape) {
            size = Math.multiplyExact(size, s);
        }
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("Parameter '" + name + "' is declared twice.");
        }
        ParameterLayout.Entry e = new ParameterLayout.Entry(name, shape.clone(), total, size);
        entries.add(e);
        byName.put(name, e);
        int offset = total;
        total = Math.addExact(total, size);
        return offset;
    }

    /** Appends every parameter of a recurrent stack under {@code prefix.}, contiguous and in its own order; returns the first offset. */
    int addAll(String prefix, ParameterLayout layout) {
        int start = total;
        for (ParameterLayout.Entry e : layout.entries()) {
            int offset = add(prefix + "." + e.name(), e.shape());
            if (offset - start != e.offset()) {
                throw new IllegalStateException("Layout of " + prefix + " is not contiguous at " + e.name() + ".");
            }
        }
        return start;
    }

    public List<ParameterLayout.Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The entry named {@code name}; the error lists the names there are. */
    public ParameterLayout.Entry entry(String name) {
        ParameterLayout.Entry e = byName.get(name);
        if (e == null) {
            throw new IllegalArgumentException("Unknown parameter '" + name + "'; expected one of " + byName.keySet() + ".");
        }
        return e;
    }

    /** Total number of floats. */
    public int size() {
        return total;
    }
}
