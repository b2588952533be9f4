package dev.rnn4j.text.tagger;

import java.util.SplittableRandom;

/**
 * The top of a tagger: from tag scores (emissions) {@code [B, T, K]} to a loss and its gradient,
 * or to decoded tags. Rows past a sentence's length are padding: never read, gradient zero.
 */
interface OutputLayer {

    /** Declares this layer's parameters in the table and remembers their offset. */
    void declare(ParameterTable table);

    void initialize(float[] params, SplittableRandom random);

    /**
     * The loss summed over the batch's sentences; its gradient is added to {@code dEmissions}
     * (same shape as the emissions) and to {@code gradient} (the flat parameter gradient). With
     * both null only the loss is computed.
     *
     * @param gold tag index per position {@code [B * T]}; padded positions are ignored
     */
    double loss(float[] params, float[] emissions, int time, int[] lengths, int[] gold, float[] dEmissions, float[] gradient);

    /** The decoded tag indices of each sentence, of its own length. */
    int[][] decode(float[] params, float[] emissions, int time, int[] lengths);

    /**
     * The scores decoding reads, in a form that averages meaningfully across models: per-token
     * log-probabilities for a softmax; for a CRF the emissions as they are and a copy of the
     * transition scores (a CRF's path probability is the exponent of their sum over its partition
     * function, which does not depend on the path).
     */
    TagScores scores(float[] params, float[] emissions, int time, int[] lengths);

    /** The decoded tag indices of each sentence from scores of this layer's kind (or their average). */
    int[][] decode(TagScores scores);
}
