package dev.rnn4j.text.tagger;

import java.util.Arrays;
import java.util.List;

/**
 * The scores a tagger decodes from, for one batch: per-token tag scores {@code [B, T, K]} (a
 * softmax's log-probabilities, a CRF's emissions) and, for a CRF, its transition scores in
 * {@link dev.rnn4j.text.crf.CrfWeights} layout (empty for a softmax).
 *
 * <p>Averaging the scores of several models is log-linear pooling: for a softmax, the arg-max of
 * the averaged log-probabilities is that of the normalised geometric mean of the models' token
 * distributions; for a CRF, Viterbi over the averaged emissions and transitions finds the path
 * most probable under the normalised geometric mean of the models' path distributions (each
 * model's log partition function is the same for every path, so it drops out).
 */
public record TagScores(TagOutput output, int numTags, int time, int[] lengths, float[] emissions, float[] transitions) {

    /** The element-wise mean of scores of the same kind over the same sentences. */
    public static TagScores average(List<TagScores> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("Averaging needs at least one set of scores, got none.");
        }
        TagScores first = members.get(0);
        float[] emissions = new float[first.emissions.length];
        float[] transitions = new float[first.transitions.length];
        for (TagScores m : members) {
            if (m.output != first.output || m.numTags != first.numTags || m.time != first.time
                    || !Arrays.equals(m.lengths, first.lengths)) {
                throw new IllegalArgumentException("Only scores of one kind (output, tag count) over the same sentences can be "
                        + "averaged, got " + m.output.id() + " over " + m.numTags + " tags beside " + first.output.id() + " over "
                        + first.numTags + ".");
            }
            add(emissions, m.emissions);
            add(transitions, m.transitions);
        }
        float scale = 1f / members.size();
        for (int i = 0; i < emissions.length; i++) {
            emissions[i] *= scale;
        }
        for (int i = 0; i < transitions.length; i++) {
            transitions[i] *= scale;
        }
        return new TagScores(first.output, first.numTags, first.time, first.lengths.clone(), emissions, transitions);
    }

    private static void add(float[] sum, float[] x) {
        for (int i = 0; i < x.length; i++) {
            sum[i] += x[i];
        }
    }
}
