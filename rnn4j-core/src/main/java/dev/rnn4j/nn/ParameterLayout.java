package dev.rnn4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each named parameter lives in one flat {@code float[]}.
 *
 * <p>Names, shapes and order are PyTorch's ({@code _flat_weights_names}): for each layer k, the
 * forward direction then {@code _reverse}, each as {@code weight_ih_lk, weight_hh_lk, bias_ih_lk,
 * bias_hh_lk}. Keeping every parameter in one array lets gradients, optimiser moments and clipping
 * walk one array with one loop.
 */
public final class ParameterLayout {

    /** One named parameter: its shape and its place in the flat buffer. */
    public record Entry(String name, int[] shape, int offset, int size) {
    }

    /** Offsets of the four parameters of one direction of one layer; a bias offset is -1 when absent. */
    record DirectionOffsets(int weightIh, int weightHh, int biasIh, int biasHh, int inputSize) {
        boolean hasBias() {
            return biasIh >= 0;
        }
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byName;
    private final DirectionOffsets[] directions;
    private final int totalSize;

    private ParameterLayout(List<Entry> entries, DirectionOffsets[] directions, int totalSize) {
        this.entries = Collections.unmodifiableList(entries);
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.put(e.name(), e);
        }
        this.byName = Collections.unmodifiableMap(map);
        this.directions = directions;
        this.totalSize = totalSize;
    }

    /** The layout of a recurrent stack. */
    public static ParameterLayout of(RecurrentConfig config) {
        List<Entry> entries = new ArrayList<>();
        int gateRows = config.cell().gates() * config.hiddenSize();
        int h = config.hiddenSize();
        DirectionOffsets[] dirs = new DirectionOffsets[config.stateSlices()];
        int offset = 0;
        for (int layer = 0; layer < config.numLayers(); layer++) {
            int in = config.layerInputSize(layer);
            for (int d = 0; d < config.directions(); d++) {
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                int wih = offset;
                offset = add(entries, "weight_ih" + suffix, offset, gateRows, in);
                int whh = offset;
                offset = add(entries, "weight_hh" + suffix, offset, gateRows, h);
                int bih = -1;
                int bhh = -1;
                if (config.bias()) {
                    bih = offset;
                    offset = add(entries, "bias_ih" + suffix, offset, gateRows);
                    bhh = offset;
                    offset = add(entries, "bias_hh" + suffix, offset, gateRows);
                }
                dirs[layer * config.directions() + d] = new DirectionOffsets(wih, whh, bih, bhh, in);
            }
        }
        return new ParameterLayout(entries, dirs, offset);
    }

    private static int add(List<Entry> entries, String name, int offset, int... shape) {
        int size = 1;
        for (int s : shape) {
            size = Math.multiplyExact(size, s);
        }
        entries.add(new Entry(name, shape, offset, size));
        return Math.addExact(offset, size);
    }

    /** All parameters in PyTorch's order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry with this name, or null. */
    public Entry entry(String name) {
        return byName.get(name);
    }

    /** Total number of floats. */
    public int totalSize() {
        return totalSize;
    }

    DirectionOffsets direction(int layer, int direction, int numDirections) {
        return directions[layer * numDirections + direction];
    }
}
