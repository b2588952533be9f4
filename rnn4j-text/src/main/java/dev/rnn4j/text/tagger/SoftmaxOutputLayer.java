package dev.rnn4j.text.tagger;

import dev.rnn4j.train.Losses;
import java.util.SplittableRandom;

/** An independent softmax per token: cross-entropy summed over tokens, arg-max decoding. No parameters of its own. */
final class SoftmaxOutputLayer implements OutputLayer {

    private final int numTags;

    SoftmaxOutputLayer(int numTags) {
        this.numTags = numTags;
    }

    @Override
    public void declare(ParameterTable table) {
    }

    @Override
    public void initialize(float[] params, SplittableRandom random) {
    }

    @Override
    public double loss(float[] params, float[] emissions, int time, int[] lengths, int[] gold, float[] dEmissions, float[] gradient) {
        double loss = 0;
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                int row = (b * time + t) * numTags;
                double logSum = Losses.logSumExp(emissions, row, numTags);
                int y = gold[b * time + t];
                loss += logSum - emissions[row + y];
                if (dEmissions == null) {
                    continue;
                }
                // d(-log softmax_y)/d e_k = softmax_k - [k == y]
                for (int k = 0; k < numTags; k++) {
                    dEmissions[row + k] += (float) (Math.exp(emissions[row + k] - logSum) - (k == y ? 1 : 0));
                }
            }
        }
        return loss;
    }

    @Override
    public TagScores scores(float[] params, float[] emissions, int time, int[] lengths) {
        float[] logProbabilities = new float[emissions.length];
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                int row = (b * time + t) * numTags;
                double logSum = Losses.logSumExp(emissions, row, numTags);
                for (int k = 0; k < numTags; k++) {
                    logProbabilities[row + k] = (float) (emissions[row + k] - logSum);
                }
            }
        }
        return new TagScores(TagOutput.SOFTMAX, numTags, time, lengths.clone(), logProbabilities, new float[0]);
    }

    @Override
    public int[][] decode(TagScores scores) {
        if (scores.output() != TagOutput.SOFTMAX || scores.numTags() != numTags) {
            throw new IllegalArgumentException("A softmax over " + numTags + " tags cannot decode " + scores.output().id()
                    + " scores over " + scores.numTags() + " tags.");
        }
        return decode(null, scores.emissions(), scores.time(), scores.lengths());
    }

    @Override
    public int[][] decode(float[] params, float[] emissions, int time, int[] lengths) {
        int[][] out = new int[lengths.length][];
        for (int b = 0; b < lengths.length; b++) {
            out[b] = new int[lengths[b]];
            for (int t = 0; t < lengths[b]; t++) {
                int row = (b * time + t) * numTags;
                int best = 0;
                for (int k = 1; k < numTags; k++) {
                    if (emissions[row + k] > emissions[row + best]) {
                        best = k;
                    }
                }
                out[b][t] = best;
            }
        }
        return out;
    }
}
