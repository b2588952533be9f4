package dev.rnn4j.text.metrics;

/**
 * Exact-span counts for one chunk type (or all of them): how many chunks were predicted, how many
 * the gold standard has, and how many predicted ones match a gold one in type, start and end.
 * Ratios are fractions in [0, 1]; an empty denominator gives 0, as conlleval prints.
 */
public record SpanScore(int correct, int predicted, int gold) {

    public double precision() {
        return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public double recall() {
        return gold == 0 ? 0 : (double) correct / gold;
    }

    /** The harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    SpanScore plus(int dCorrect, int dPredicted, int dGold) {
        return new SpanScore(correct + dCorrect, predicted + dPredicted, gold + dGold);
    }
}
