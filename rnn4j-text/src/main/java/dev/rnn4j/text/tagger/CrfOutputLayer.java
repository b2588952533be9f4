package dev.rnn4j.text.tagger;

import dev.rnn4j.text.crf.CrfWeights;
import dev.rnn4j.text.crf.Emissions;
import dev.rnn4j.text.crf.LinearChainCrf;
import java.util.Arrays;
import java.util.SplittableRandom;

/** A linear-chain CRF over the tag scores: sentence-level negative log-likelihood, Viterbi decoding. */
final class CrfOutputLayer implements OutputLayer {

    private final LinearChainCrf crf;
    private final int numTags;
    private int offset = -1;

    CrfOutputLayer(LinearChainCrf crf) {
        this.crf = crf;
        this.numTags = crf.numTags();
    }

    @Override
    public void declare(ParameterTable table) {
        // pytorch-crf's names and order, contiguous as CrfWeights expects.
        offset = table.add("crf.transitions", numTags, numTags);
        table.add("crf.start_transitions", numTags);
        table.add("crf.end_transitions", numTags);
    }

    @Override
    public void initialize(float[] params, SplittableRandom random) {
        // pytorch-crf initialises every score from U(-0.1, 0.1).
        for (int i = 0; i < CrfWeights.size(numTags); i++) {
            params[offset + i] = (float) random.nextDouble(-0.1, 0.1);
        }
    }

    @Override
    public double loss(float[] params, float[] emissions, int time, int[] lengths, int[] gold, float[] dEmissions, float[] gradient) {
        CrfWeights w = new CrfWeights(params, offset, numTags);
        CrfWeights dw = gradient == null ? null : new CrfWeights(gradient, offset, numTags);
        double loss = 0;
        for (int b = 0; b < lengths.length; b++) {
            int off = b * time * numTags;
            int[] tags = Arrays.copyOfRange(gold, b * time, b * time + lengths[b]);
            Emissions de = dEmissions == null ? null : new Emissions(dEmissions, off, lengths[b], numTags);
            loss += crf.negativeLogLikelihood(w, new Emissions(emissions, off, lengths[b], numTags), tags, de, dw);
        }
        return loss;
    }

    @Override
    public int[][] decode(float[] params, float[] emissions, int time, int[] lengths) {
        return viterbi(new CrfWeights(params, offset, numTags), emissions, time, lengths);
    }

    @Override
    public TagScores scores(float[] params, float[] emissions, int time, int[] lengths) {
        float[] weights = Arrays.copyOfRange(params, offset, offset + CrfWeights.size(numTags));
        return new TagScores(TagOutput.CRF, numTags, time, lengths.clone(), emissions.clone(), weights);
    }

    @Override
    public int[][] decode(TagScores scores) {
        if (scores.output() != TagOutput.CRF || scores.numTags() != numTags) {
            throw new IllegalArgumentException("A CRF over " + numTags + " tags cannot decode " + scores.output().id() + " scores over "
                    + scores.numTags() + " tags.");
        }
        return viterbi(new CrfWeights(scores.transitions(), 0, numTags), scores.emissions(), scores.time(), scores.lengths());
    }

    private int[][] viterbi(CrfWeights w, float[] emissions, int time, int[] lengths) {
        int[][] out = new int[lengths.length][];
        for (int b = 0; b < lengths.length; b++) {
            out[b] = crf.viterbi(w, new Emissions(emissions, b * time * numTags, lengths[b], numTags));
        }
        return out;
    }
}
