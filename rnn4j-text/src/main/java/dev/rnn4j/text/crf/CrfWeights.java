package dev.rnn4j.text.crf;

/**
 * A view of a linear-chain CRF's parameters (or their gradients) inside a flat array, in the order
 * and with the names of the {@code pytorch-crf} package: {@code transitions [K, K]} (row: from tag,
 * column: to tag), then {@code start_transitions [K]}, then {@code end_transitions [K]}.
 *
 * @param values  the flat array
 * @param offset  where the transitions start
 * @param numTags K
 */
public record CrfWeights(float[] values, int offset, int numTags) {

    public CrfWeights {
        if (numTags < 1) {
            throw new IllegalArgumentException("A CRF needs at least one tag, got " + numTags + ".");
        }
        if (offset < 0 || offset + size(numTags) > values.length) {
            throw new IllegalArgumentException("CRF weights for " + numTags + " tags need " + size(numTags)
                    + " floats from offset " + offset + ", but the array has " + values.length + ".");
        }
    }

    /** Number of floats for K tags: K*K transitions, K start and K end scores. */
    public static int size(int numTags) {
        return numTags * numTags + 2 * numTags;
    }

    /** The score (widened to double, so sums of scores round once) of moving from tag {@code from} to tag {@code to}. */
    public double transition(int from, int to) {
        return values[offset + from * numTags + to];
    }

    /** The score of starting a sentence with {@code tag}. */
    public double start(int tag) {
        return values[offset + numTags * numTags + tag];
    }

    /** The score of ending a sentence with {@code tag}. */
    public double end(int tag) {
        return values[offset + numTags * numTags + numTags + tag];
    }

    void addTransition(int from, int to, double v) {
        values[offset + from * numTags + to] += (float) v;
    }

    void addStart(int tag, double v) {
        values[offset + numTags * numTags + tag] += (float) v;
    }

    void addEnd(int tag, double v) {
        values[offset + numTags * numTags + numTags + tag] += (float) v;
    }
}
