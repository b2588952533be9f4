package dev.rnn4j.text.crf;

import java.util.Arrays;

/**
 * The forward and backward recursions of a linear-chain CRF, and the pair marginals built from
 * them, all returning log-space values.
 *
 * <p>Two implementations give the same numbers. {@link LogSpace} applies log-sum-exp to every
 * (from, to) pair: K² exponentials per token, exact for any scores, but the exponentials dominate
 * once there are many tags (hundreds of Brown tags). {@link Scaled} factors the maximum out of each
 * step's vector and the transition matrix once per sentence, so a step is K exponentials plus a
 * K×K product of plain numbers. It is exact as long as no product under- or overflows, which holds
 * when the transition scores span less than {@link #SCALED_RANGE} nats; otherwise
 * {@link #of} picks the log-space form.
 */
interface ForwardBackward {

    /** Largest spread (max - min) of transition scores for which the scaled form cannot underflow or overflow. */
    double SCALED_RANGE = 600;

    /** alpha[t][j]: log of the summed exp-scores of every path prefix ending in tag j at step t (start score included). */
    double[][] forward(Emissions e);

    /** beta[t][i]: log of the summed exp-scores of every path suffix after tag i at step t (end score included). */
    double[][] backward(Emissions e);

    /** Adds p(y_{t-1} = i, y_t = j), summed over t = 1..L-1, to {@code pairs[i][j]}. */
    void addPairMarginals(Emissions e, double[][] alpha, double[][] beta, double logZ, double[][] pairs);

    /** The scaled form when the transition scores allow it, else the log-space form. */
    static ForwardBackward of(CrfWeights w) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int k = w.numTags();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                min = Math.min(min, w.transition(i, j));
                max = Math.max(max, w.transition(i, j));
            }
        }
        return max - min < SCALED_RANGE ? new Scaled(w, max) : new LogSpace(w);
    }

    private static double[][] startAlpha(CrfWeights w, Emissions e) {
        double[][] alpha = new double[e.length()][w.numTags()];
        for (int j = 0; j < w.numTags(); j++) {
            alpha[0][j] = w.start(j) + e.get(0, j);
        }
        return alpha;
    }

    private static double[][] endBeta(CrfWeights w, Emissions e) {
        double[][] beta = new double[e.length()][w.numTags()];
        for (int i = 0; i < w.numTags(); i++) {
            beta[e.length() - 1][i] = w.end(i);
        }
        return beta;
    }

    /** Log-sum-exp over every pair: the reference. */
    record LogSpace(CrfWeights w) implements ForwardBackward {

        @Override
        public double[][] forward(Emissions e) {
            int k = w.numTags();
            double[][] alpha = startAlpha(w, e);
            double[] terms = new double[k];
            for (int t = 1; t < e.length(); t++) {
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i < k; i++) {
                        terms[i] = alpha[t - 1][i] + w.transition(i, j);
                    }
                    alpha[t][j] = LinearChainCrf.logSumExp(terms) + e.get(t, j);
                }
            }
            return alpha;
        }

        @Override
        public double[][] backward(Emissions e) {
            int k = w.numTags();
            double[][] beta = endBeta(w, e);
            double[] terms = new double[k];
            for (int t = e.length() - 2; t >= 0; t--) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        terms[j] = w.transition(i, j) + e.get(t + 1, j) + beta[t + 1][j];
                    }
                    beta[t][i] = LinearChainCrf.logSumExp(terms);
                }
            }
            return beta;
        }

        @Override
        public void addPairMarginals(Emissions e, double[][] alpha, double[][] beta, double logZ, double[][] pairs) {
            int k = w.numTags();
            for (int t = 1; t < e.length(); t++) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        pairs[i][j] += Math.exp(alpha[t - 1][i] + w.transition(i, j) + e.get(t, j) + beta[t][j] - logZ);
                    }
                }
            }
        }
    }

    /**
     * Maxima factored out: with E(i,j) = exp(trans(i,j) - tmax) and a(i) = exp(alpha(i) - m),
     * log sum_i exp(alpha(i) + trans(i,j)) = m + tmax + log sum_i a(i) E(i,j). The largest a(i) is 1
     * and every E(i,j) is at least exp(-SCALED_RANGE), so the sum never underflows to zero.
     */
    final class Scaled implements ForwardBackward {

        private final CrfWeights weights;
        private final int k;
        private final double tmax;
        private final double[][] expTrans;

        Scaled(CrfWeights w, double tmax) {
            this.weights = w;
            this.k = w.numTags();
            this.tmax = tmax;
            this.expTrans = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    expTrans[i][j] = Math.exp(w.transition(i, j) - tmax);
                }
            }
        }

        @Override
        public double[][] forward(Emissions e) {
            double[][] alpha = startAlpha(weights, e);
            double[] a = new double[k];
            double[] s = new double[k];
            for (int t = 1; t < e.length(); t++) {
                double m = shiftedExp(alpha[t - 1], a);
                Arrays.fill(s, 0);
                for (int i = 0; i < k; i++) {
                    double ai = a[i];
                    double[] row = expTrans[i];
                    for (int j = 0; j < k; j++) {
                        s[j] += ai * row[j];
                    }
                }
                for (int j = 0; j < k; j++) {
                    alpha[t][j] = m + tmax + Math.log(s[j]) + e.get(t, j);
                }
            }
            return alpha;
        }

        @Override
        public double[][] backward(Emissions e) {
            double[][] beta = endBeta(weights, e);
            double[] v = new double[k];
            double[] b = new double[k];
            for (int t = e.length() - 2; t >= 0; t--) {
                for (int j = 0; j < k; j++) {
                    v[j] = e.get(t + 1, j) + beta[t + 1][j];
                }
                double m = shiftedExp(v, b);
                for (int i = 0; i < k; i++) {
                    double[] row = expTrans[i];
                    double s = 0;
                    for (int j = 0; j < k; j++) {
                        s += row[j] * b[j];
                    }
                    beta[t][i] = m + tmax + Math.log(s);
                }
            }
            return beta;
        }

        @Override
        public void addPairMarginals(Emissions e, double[][] alpha, double[][] beta, double logZ, double[][] pairs) {
            double[] a = new double[k];
            double[] v = new double[k];
            double[] b = new double[k];
            for (int t = 1; t < e.length(); t++) {
                double m1 = shiftedExp(alpha[t - 1], a);
                for (int j = 0; j < k; j++) {
                    v[j] = e.get(t, j) + beta[t][j];
                }
                double m2 = shiftedExp(v, b);
                // log Z >= m1 + trans(i*, j) + m2 for every j, so this factor is at most exp(SCALED_RANGE).
                double c = Math.exp(m1 + tmax + m2 - logZ);
                for (int i = 0; i < k; i++) {
                    double ai = a[i] * c;
                    double[] row = expTrans[i];
                    double[] out = pairs[i];
                    for (int j = 0; j < k; j++) {
                        out[j] += ai * row[j] * b[j];
                    }
                }
            }
        }

        /** out[i] = exp(x[i] - max x); returns max x. */
        private static double shiftedExp(double[] x, double[] out) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                m = Math.max(m, v);
            }
            for (int i = 0; i < x.length; i++) {
                out[i] = Math.exp(x[i] - m);
            }
            return m;
        }
    }
}
