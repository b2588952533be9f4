package dev.rnn4j.text.crf;

/**
 * A view of one sentence's per-token tag scores inside a flat array: {@code length} rows of
 * {@code numTags} floats, row t at {@code offset + t * numTags}. For a padded batch
 * {@code [B, T, K]}, sentence b is at offset {@code b * T * K} with its own length, so padded rows
 * are never read.
 */
public record Emissions(float[] values, int offset, int length, int numTags) {

    public Emissions {
        if (length < 1) {
            throw new IllegalArgumentException("A sentence needs at least one token, got length " + length + ".");
        }
        if (offset < 0 || (long) offset + (long) length * numTags > values.length) {
            throw new IllegalArgumentException("Emissions of " + length + " tokens x " + numTags + " tags need "
                    + (long) length * numTags + " floats from offset " + offset + ", but the array has " + values.length + ".");
        }
    }

    public double get(int t, int tag) {
        return values[offset + t * numTags + tag];
    }

    void add(int t, int tag, double v) {
        values[offset + t * numTags + tag] += (float) v;
    }
}
