package dev.rnn4j.text.crf;

/**
 * A linear-chain conditional random field over K tags: the score of a tag path y for a sentence
 * with emissions e is
 * <pre>
 *   s(y) = start[y_0] + sum_t e[t, y_t] + sum_{t&gt;0} trans[y_{t-1}, y_t] + end[y_{L-1}]
 * </pre>
 * and p(y) = exp(s(y)) / Z with Z the sum over all K^L paths. The loss of a gold path is
 * {@code -log p(y) = log Z - s(y)}.
 *
 * <p>{@code log Z} comes from the forward algorithm in log space (maxima factored out, in double
 * precision; see {@link ForwardBackward}), so scores of any size neither overflow nor underflow. The
 * gradient is exact: expected feature counts under the model, from the forward-backward
 * marginals, minus the gold path's counts. Decoding is Viterbi; {@link TransitionConstraints}
 * restrict which paths it may return. The constraints only shape decoding, as in AllenNLP's CRF:
 * training sees the unconstrained model, so a gold path that breaks them (a stray {@code I-X} in
 * noisy data) still trains instead of giving an infinite loss.
 *
 * <p>Stateless and thread-safe: the weights are passed in as a {@link CrfWeights} view.
 */
public final class LinearChainCrf {

    private final int numTags;
    private final TransitionConstraints constraints;

    /** A CRF whose decoder may output any tag path. */
    public LinearChainCrf(int numTags) {
        this(TransitionConstraints.none(numTags));
    }

    /** A CRF whose decoder only outputs paths the constraints allow. */
    public LinearChainCrf(TransitionConstraints constraints) {
        this.numTags = constraints.numTags();
        this.constraints = constraints;
    }

    public int numTags() {
        return numTags;
    }

    public TransitionConstraints constraints() {
        return constraints;
    }

    /** The score s(y) of one tag path. */
    public double score(CrfWeights w, Emissions e, int[] tags) {
        check(w, e);
        requireTags(tags, e.length());
        double s = w.start(tags[0]) + e.get(0, tags[0]);
        for (int t = 1; t < e.length(); t++) {
            s += w.transition(tags[t - 1], tags[t]) + e.get(t, tags[t]);
        }
        return s + w.end(tags[e.length() - 1]);
    }

    /** log Z: the log of the summed exp-scores of every tag path. */
    public double logPartition(CrfWeights w, Emissions e) {
        check(w, e);
        double[][] alpha = ForwardBackward.of(w).forward(e);
        double[] last = new double[numTags];
        for (int j = 0; j < numTags; j++) {
            last[j] = alpha[e.length() - 1][j] + w.end(j);
        }
        return logSumExp(last);
    }

    /**
     * The negative log-likelihood {@code log Z - s(gold)} of one sentence; its gradient is
     * <em>added</em> to {@code dEmissions} and {@code dWeights} when they are not null.
     */
    public double negativeLogLikelihood(CrfWeights w, Emissions e, int[] gold, Emissions dEmissions, CrfWeights dWeights) {
        check(w, e);
        requireTags(gold, e.length());
        int len = e.length();
        ForwardBackward fb = ForwardBackward.of(w);
        double[][] alpha = fb.forward(e);
        double[][] beta = fb.backward(e);
        double[] last = new double[numTags];
        for (int j = 0; j < numTags; j++) {
            last[j] = alpha[len - 1][j] + w.end(j);
        }
        double logZ = logSumExp(last);
        double loss = logZ - score(w, e, gold);
        if (dEmissions == null && dWeights == null) {
            return loss;
        }
        if (dEmissions != null && (dEmissions.length() != len || dEmissions.numTags() != numTags)) {
            throw new IllegalArgumentException("dEmissions must be " + len + " x " + numTags + ", got "
                    + dEmissions.length() + " x " + dEmissions.numTags() + ".");
        }
        // Unary marginals p(y_t = j) = exp(alpha_t(j) + beta_t(j) - log Z).
        for (int t = 0; t < len; t++) {
            for (int j = 0; j < numTags; j++) {
                double p = Math.exp(alpha[t][j] + beta[t][j] - logZ) - (gold[t] == j ? 1 : 0);
                if (dEmissions != null) {
                    dEmissions.add(t, j, p);
                }
                if (dWeights != null && t == 0) {
                    dWeights.addStart(j, p);
                }
                if (dWeights != null && t == len - 1) {
                    dWeights.addEnd(j, p);
                }
            }
        }
        if (dWeights == null) {
            return loss;
        }
        // Pair marginals p(y_{t-1} = i, y_t = j) = exp(alpha_{t-1}(i) + trans(i,j) + e_t(j) + beta_t(j) - log Z).
        double[][] pairs = new double[numTags][numTags];
        fb.addPairMarginals(e, alpha, beta, logZ, pairs);
        for (int t = 1; t < len; t++) {
            pairs[gold[t - 1]][gold[t]] -= 1;
        }
        for (int i = 0; i < numTags; i++) {
            for (int j = 0; j < numTags; j++) {
                dWeights.addTransition(i, j, pairs[i][j]);
            }
        }
        return loss;
    }

    /** The highest-scoring tag path among those the constraints allow. */
    public int[] viterbi(CrfWeights w, Emissions e) {
        check(w, e);
        int len = e.length();
        double[][] best = new double[len][numTags];
        int[][] from = new int[len][numTags];
        for (int j = 0; j < numTags; j++) {
            best[0][j] = constraints.allowedStart(j) ? w.start(j) + e.get(0, j) : Double.NEGATIVE_INFINITY;
        }
        for (int t = 1; t < len; t++) {
            for (int j = 0; j < numTags; j++) {
                double max = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int i = 0; i < numTags; i++) {
                    if (!constraints.allowed(i, j)) {
                        continue;
                    }
                    double s = best[t - 1][i] + w.transition(i, j);
                    if (s > max) {
                        max = s;
                        arg = i;
                    }
                }
                best[t][j] = max + e.get(t, j);
                from[t][j] = arg;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int j = 0; j < numTags; j++) {
            double s = best[len - 1][j] + w.end(j);
            if (s > max) {
                max = s;
                arg = j;
            }
        }
        int[] path = new int[len];
        path[len - 1] = arg;
        for (int t = len - 1; t > 0; t--) {
            path[t - 1] = from[t][path[t]];
        }
        return path;
    }

    /** log(sum(exp(x))) with the maximum factored out; -inf when every term is -inf. */
    static double logSumExp(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    private void check(CrfWeights w, Emissions e) {
        if (w.numTags() != numTags || e.numTags() != numTags) {
            throw new IllegalArgumentException("This CRF has " + numTags + " tags, but the weights have " + w.numTags()
                    + " and the emissions " + e.numTags() + ".");
        }
    }

    private void requireTags(int[] tags, int length) {
        if (tags.length < length) {
            throw new IllegalArgumentException("Expected a tag for each of the " + length + " tokens, got " + tags.length + ".");
        }
        for (int t = 0; t < length; t++) {
            if (tags[t] < 0 || tags[t] >= numTags) {
                throw new IllegalArgumentException("Tag index " + tags[t] + " at position " + t + " is outside 0.." + (numTags - 1) + ".");
            }
        }
    }
}
