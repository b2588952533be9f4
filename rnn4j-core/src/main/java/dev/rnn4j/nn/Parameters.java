package dev.rnn4j.nn;

import dev.rnn4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Named parameters (or their gradients) stored in one flat array, laid out by a {@link ParameterLayout}.
 *
 * <p>{@link #stateDict()} and {@link #load(Map)} speak PyTorch's state-dict names and shapes, so
 * moving weights between PyTorch and rnn4j is a copy.
 */
public final class Parameters {

    private final ParameterLayout layout;
    private final float[] values;

    /** Zero-filled parameters with the given layout. */
    public Parameters(ParameterLayout layout) {
        this.layout = layout;
        this.values = new float[layout.totalSize()];
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The live flat storage: every parameter at its {@link ParameterLayout.Entry#offset()}. */
    public float[] values() {
        return values;
    }

    /** Sets every value to zero (gradients accumulate, so they are zeroed explicitly between steps). */
    public void zero() {
        Arrays.fill(values, 0f);
    }

    /** A copy of one parameter as a tensor of its PyTorch shape. */
    public Tensor get(String name) {
        ParameterLayout.Entry e = require(name);
        return Tensor.of(Arrays.copyOfRange(values, e.offset(), e.offset() + e.size()), e.shape());
    }

    /** Copies {@code value} into the named parameter, checking its shape and that it is finite. */
    public void set(String name, Tensor value) {
        ParameterLayout.Entry e = require(name);
        if (!value.hasShape(e.shape())) {
            throw new IllegalArgumentException("Parameter " + name + " must have shape " + Arrays.toString(e.shape())
                    + ", got " + value.shapeString() + ".");
        }
        float[] src = value.data();
        for (int i = 0; i < src.length; i++) {
            if (!Float.isFinite(src[i])) {
                throw new IllegalArgumentException("Parameter " + name + " must be finite, got " + src[i]
                        + " at flat index " + i + ".");
            }
        }
        System.arraycopy(src, 0, values, e.offset(), e.size());
    }

    /** Every parameter as a copy, in PyTorch's order, keyed by its state-dict name. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : layout.entries()) {
            out.put(e.name(), get(e.name()));
        }
        return out;
    }

    /**
     * Loads a state dict: exactly this layout's names, each with its shape and finite values.
     * Nothing is changed unless the whole dict is valid.
     */
    public void load(Map<String, Tensor> stateDict) {
        TreeSet<String> missing = new TreeSet<>();
        for (ParameterLayout.Entry e : layout.entries()) {
            if (!stateDict.containsKey(e.name())) {
                missing.add(e.name());
            }
        }
        TreeSet<String> unexpected = new TreeSet<>();
        for (String k : stateDict.keySet()) {
            if (layout.entry(k) == null) {
                unexpected.add(k);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException("State dict does not match the model: expected parameters "
                    + layout.entries().stream().map(ParameterLayout.Entry::name).toList()
                    + (missing.isEmpty() ? "" : "; missing " + missing)
                    + (unexpected.isEmpty() ? "" : "; unexpected " + unexpected) + ".");
        }
        Parameters staged = new Parameters(layout);
        for (Map.Entry<String, Tensor> kv : stateDict.entrySet()) {
            staged.set(kv.getKey(), kv.getValue());
        }
        System.arraycopy(staged.values, 0, values, 0, values.length);
    }

    private ParameterLayout.Entry require(String name) {
        ParameterLayout.Entry e = layout.entry(name);
        if (e == null) {
            throw new IllegalArgumentException("Unknown parameter '" + name + "'; expected one of "
                    + layout.entries().stream().map(ParameterLayout.Entry::name).toList() + ".");
        }
        return e;
    }

    /** Copies all values from {@code other}, which must have the same layout. */
    public void copyFrom(Parameters other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("Expected parameters with " + values.length + " values, got "
                    + other.values.length + ".");
        }
        System.arraycopy(other.values, 0, values, 0, values.length);
    }
}
