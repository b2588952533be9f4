package dev.rnn4j.text.crf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the CRF against brute force on sequences short enough to enumerate every tag path, and
 * its gradient against central finite differences.
 */
class LinearChainCrfTest {

    private static float[] random(SplittableRandom r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextDouble(-scale, scale);
        }
        return v;
    }

    /** Every tag path of the given length, as arrays, in lexicographic order. */
    private static int[][] allPaths(int numTags, int length) {
        int count = (int) Math.pow(numTags, length);
        int[][] paths = new int[count][length];
        for (int p = 0; p < count; p++) {
            int rest = p;
            for (int t = length - 1; t >= 0; t--) {
                paths[p][t] = rest % numTags;
                rest /= numTags;
            }
        }
        return paths;
    }

    /** The path score written out directly from the definition, independent of the CRF class. */
    private static double bruteScore(float[] w, int k, float[] e, int[] path) {
        double s = (double) w[k * k + path[0]] + w[k * k + k + path[path.length - 1]];
        for (int t = 0; t < path.length; t++) {
            s += (double) e[t * k + path[t]];
            if (t > 0) {
                s += (double) w[path[t - 1] * k + path[t]];
            }
        }
        return s;
    }

    /**
     * Transition scale 1.5 runs the scaled recursions; 280 (a spread near the 600-nat limit) runs
     * them where products come closest to under- and overflow; 400 (a spread over the limit) runs
     * the log-space recursions.
     */
    @ParameterizedTest(name = "{0} tags, length {1}, transitions within +-{2}")
    @CsvSource({"1, 1, 1.5", "1, 4, 1.5", "2, 1, 1.5", "2, 5, 1.5", "3, 4, 1.5", "4, 3, 1.5", "5, 2, 1.5",
            "3, 4, 280", "4, 3, 280", "3, 4, 400", "5, 2, 400"})
    void partitionFunctionAndViterbiMatchEnumerationOfEveryPath(int k, int len, double transitionScale) {
        SplittableRandom r = new SplittableRandom(31L * k + len);
        float[] w = random(r, CrfWeights.size(k), transitionScale);
        float[] e = random(r, len * k, 2.0);
        LinearChainCrf crf = new LinearChainCrf(k);
        CrfWeights weights = new CrfWeights(w, 0, k);
        Emissions emissions = new Emissions(e, 0, len, k);
        if (k > 1) {
            assertThat(ForwardBackward.of(weights))
                    .isInstanceOf(transitionScale >= 400 ? ForwardBackward.LogSpace.class : ForwardBackward.Scaled.class);
        }

        double max = Double.NEGATIVE_INFINITY;
        int[] best = null;
        int[][] paths = allPaths(k, len);
        double[] scores = new double[paths.length];
        for (int p = 0; p < paths.length; p++) {
            double s = bruteScore(w, k, e, paths[p]);
            scores[p] = s;
            assertThat(crf.score(weights, emissions, paths[p])).isCloseTo(s, within(1e-9 * Math.max(1, Math.abs(s))));
            if (s > max) {
                max = s;
                best = paths[p];
            }
        }
        double sum = 0;
        for (double s : scores) {
            sum += Math.exp(s - max);
        }
        double logZ = max + Math.log(sum);
        double tolerance = 1e-9 * Math.max(1, Math.abs(logZ));
        assertThat(crf.logPartition(weights, emissions)).isCloseTo(logZ, within(tolerance));
        assertThat(crf.viterbi(weights, emissions)).containsExactly(best);
        int[] gold = paths[r.nextInt(paths.length)];
        assertThat(crf.negativeLogLikelihood(weights, emissions, gold, null, null))
                .isCloseTo(logZ - bruteScore(w, k, e, gold), within(tolerance));
    }

    /** Pair and unary marginals by enumeration against the gradient: d NLL / d trans(i,j) = E[count(i,j)] - gold count. */
    @ParameterizedTest(name = "transitions within +-{0}")
    @CsvSource({"1.5", "280", "400"})
    void gradientEqualsEnumeratedMarginalsMinusGoldCounts(double transitionScale) {
        int k = 3;
        int len = 4;
        SplittableRandom r = new SplittableRandom(17);
        float[] w = random(r, CrfWeights.size(k), transitionScale);
        float[] e = random(r, len * k, 2.0);
        int[] gold = {2, 0, 0, 1};
        int[][] paths = allPaths(k, len);
        double max = Double.NEGATIVE_INFINITY;
        for (int[] p : paths) {
            max = Math.max(max, bruteScore(w, k, e, p));
        }
        double z = 0;
        double[] expectedTrans = new double[k * k];
        double[] expectedEmit = new double[len * k];
        for (int[] p : paths) {
            double weight = Math.exp(bruteScore(w, k, e, p) - max);
            z += weight;
            for (int t = 0; t < len; t++) {
                expectedEmit[t * k + p[t]] += weight;
                if (t > 0) {
                    expectedTrans[p[t - 1] * k + p[t]] += weight;
                }
            }
        }
        for (int t = 0; t < len; t++) {
            expectedEmit[t * k + gold[t]] -= z;
            if (t > 0) {
                expectedTrans[gold[t - 1] * k + gold[t]] -= z;
            }
        }
        float[] dw = new float[w.length];
        float[] de = new float[e.length];
        new LinearChainCrf(k).negativeLogLikelihood(new CrfWeights(w, 0, k), new Emissions(e, 0, len, k), gold,
                new Emissions(de, 0, len, k), new CrfWeights(dw, 0, k));
        for (int i = 0; i < k * k; i++) {
            assertThat((double) dw[i]).as("transition %d", i).isCloseTo(expectedTrans[i] / z, within(1e-6));
        }
        for (int i = 0; i < len * k; i++) {
            assertThat((double) de[i]).as("emission %d", i).isCloseTo(expectedEmit[i] / z, within(1e-6));
        }
    }

    @Test
    void scaledAndLogSpaceRecursionsAgreeOnManyTags() {
        int k = 40;
        int len = 9;
        SplittableRandom r = new SplittableRandom(23);
        float[] w = random(r, CrfWeights.size(k), 3.0);
        float[] e = random(r, len * k, 5.0);
        CrfWeights weights = new CrfWeights(w, 0, k);
        Emissions emissions = new Emissions(e, 0, len, k);
        ForwardBackward log = new ForwardBackward.LogSpace(weights);
        ForwardBackward scaled = ForwardBackward.of(weights);
        assertThat(scaled).isInstanceOf(ForwardBackward.Scaled.class);
        double[][] alpha = log.forward(emissions);
        double[][] beta = log.backward(emissions);
        double[][] alphaS = scaled.forward(emissions);
        double[][] betaS = scaled.backward(emissions);
        for (int t = 0; t < len; t++) {
            for (int j = 0; j < k; j++) {
                assertThat(alphaS[t][j]).isCloseTo(alpha[t][j], within(1e-9 * Math.max(1, Math.abs(alpha[t][j]))));
                assertThat(betaS[t][j]).isCloseTo(beta[t][j], within(1e-9 * Math.max(1, Math.abs(beta[t][j]))));
            }
        }
        double logZ = crfLogZ(alpha, weights, len, k);
        double[][] pairs = new double[k][k];
        double[][] pairsS = new double[k][k];
        log.addPairMarginals(emissions, alpha, beta, logZ, pairs);
        scaled.addPairMarginals(emissions, alpha, beta, logZ, pairsS);
        double total = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                assertThat(pairsS[i][j]).isCloseTo(pairs[i][j], within(1e-12 + 1e-9 * pairs[i][j]));
                total += pairs[i][j];
            }
        }
        // One transition per step after the first: the pair marginals sum to L - 1.
        assertThat(total).isCloseTo(len - 1, within(1e-9));
    }

    private static double crfLogZ(double[][] alpha, CrfWeights w, int len, int k) {
        double[] last = new double[k];
        for (int j = 0; j < k; j++) {
            last[j] = alpha[len - 1][j] + w.end(j);
        }
        return LinearChainCrf.logSumExp(last);
    }

    @Test
    void constrainedViterbiReturnsTheBestAllowedPathByEnumeration() {
        List<String> tags = List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC");
        TransitionConstraints bio = TransitionConstraints.bio(tags);
        LinearChainCrf crf = new LinearChainCrf(bio);
        int k = tags.size();
        int len = 4;
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] w = random(r, CrfWeights.size(k), 1.0);
            // Make the forbidden I- tags attractive, so the unconstrained best path usually breaks BIO.
            float[] e = random(r, len * k, 1.0);
            for (int t = 0; t < len; t++) {
                e[t * k + 2] += 2;
                e[t * k + 4] += 2;
            }
            double max = Double.NEGATIVE_INFINITY;
            int[] best = null;
            for (int[] path : allPaths(k, len)) {
                if (!isBio(path, tags)) {
                    continue;
                }
                double s = bruteScore(w, k, e, path);
                if (s > max) {
                    max = s;
                    best = path;
                }
            }
            int[] decoded = crf.viterbi(new CrfWeights(w, 0, k), new Emissions(e, 0, len, k));
            assertThat(decoded).as("seed %d", seed).containsExactly(best);
        }
    }

    /** BIO validity written from the scheme's definition: I-X only right after B-X or I-X. */
    private static boolean isBio(int[] path, List<String> tags) {
        for (int t = 0; t < path.length; t++) {
            String tag = tags.get(path[t]);
            if (tag.startsWith("I-")) {
                String prev = t == 0 ? "O" : tags.get(path[t - 1]);
                if (!prev.substring(1).equals(tag.substring(1)) || prev.equals("O")) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void bioConstraintsForbidExactlyTheIllegalMoves() {
        TransitionConstraints c = TransitionConstraints.bio(List.of("O", "B-PER", "I-PER", "I-LOC"));
        assertThat(c.allowedStart(2)).isFalse();
        assertThat(c.allowedStart(1)).isTrue();
        assertThat(c.allowed(0, 2)).isFalse();   // O -> I-PER
        assertThat(c.allowed(1, 2)).isTrue();    // B-PER -> I-PER
        assertThat(c.allowed(2, 2)).isTrue();    // I-PER -> I-PER
        assertThat(c.allowed(1, 3)).isFalse();   // B-PER -> I-LOC
        assertThat(c.allowed(2, 3)).isFalse();   // I-PER -> I-LOC
        assertThat(c.allowed(3, 0)).isTrue();    // I-LOC -> O
        assertThat(c.allowed(2, 1)).isTrue();    // I-PER -> B-PER
    }

    @Test
    void bioConstraintsRefuseTagsOutsideTheScheme() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TransitionConstraints.bio(List.of("O", "B-PER", "NOUN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BIO constraints need tags O, B-TYPE or I-TYPE, but tag 2 is 'NOUN'.");
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        int k = 4;
        int len = 5;
        SplittableRandom r = new SplittableRandom(7);
        float[] w = random(r, CrfWeights.size(k), 1.0);
        float[] e = random(r, len * k, 1.0);
        int[] gold = {1, 3, 3, 0, 2};
        LinearChainCrf crf = new LinearChainCrf(k);
        float[] dw = new float[w.length];
        float[] de = new float[e.length];
        crf.negativeLogLikelihood(new CrfWeights(w, 0, k), new Emissions(e, 0, len, k), gold,
                new Emissions(de, 0, len, k), new CrfWeights(dw, 0, k));

        for (float[][] pair : new float[][][]{{w, dw}, {e, de}}) {
            float[] x = pair[0];
            float[] analytic = pair[1];
            for (int i = 0; i < x.length; i++) {
                double numeric = centralDifference(crf, w, e, k, len, gold, x, i);
                assertThat(analytic[i]).as("index %d", i).isCloseTo((float) numeric, within(2e-3f));
            }
        }
    }

    private static double centralDifference(LinearChainCrf crf, float[] w, float[] e, int k, int len, int[] gold,
                                            float[] x, int i) {
        float saved = x[i];
        float h = 1e-2f;
        x[i] = saved + h;
        double up = crf.negativeLogLikelihood(new CrfWeights(w, 0, k), new Emissions(e, 0, len, k), gold, null, null);
        float xUp = x[i];
        x[i] = saved - h;
        double down = crf.negativeLogLikelihood(new CrfWeights(w, 0, k), new Emissions(e, 0, len, k), gold, null, null);
        float xDown = x[i];
        x[i] = saved;
        return (up - down) / ((double) xUp - xDown);
    }

    @Test
    void hugeScoresStayFinite() {
        int k = 3;
        int len = 6;
        float[] w = new float[CrfWeights.size(k)];
        float[] e = new float[len * k];
        for (int i = 0; i < e.length; i++) {
            e[i] = (i % 2 == 0 ? 1 : -1) * 5000f;
        }
        LinearChainCrf crf = new LinearChainCrf(k);
        double logZ = crf.logPartition(new CrfWeights(w, 0, k), new Emissions(e, 0, len, k));
        assertThat(logZ).isFinite();
        float[] de = new float[e.length];
        double loss = crf.negativeLogLikelihood(new CrfWeights(w, 0, k), new Emissions(e, 0, len, k), new int[len],
                new Emissions(de, 0, len, k), null);
        assertThat(loss).isFinite();
        for (float v : de) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void paddingBeyondTheLengthIsNeverRead() {
        int k = 3;
        int len = 3;
        int padded = 5;
        SplittableRandom r = new SplittableRandom(3);
        float[] w = random(r, CrfWeights.size(k), 1.0);
        float[] e = random(r, padded * k, 1.0);
        float[] other = e.clone();
        for (int i = len * k; i < other.length; i++) {
            other[i] = Float.NaN;
        }
        LinearChainCrf crf = new LinearChainCrf(k);
        int[] gold = {0, 2, 1, 0, 0};
        double a = crf.negativeLogLikelihood(new CrfWeights(w, 0, k), new Emissions(e, 0, len, k), gold, null, null);
        double b = crf.negativeLogLikelihood(new CrfWeights(w, 0, k), new Emissions(other, 0, len, k), gold, null, null);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void lossOfTheOnlyPathIsZero() {
        float[] w = {0.3f, -1f, 2f};
        float[] e = {4f, -2f};
        double loss = new LinearChainCrf(1).negativeLogLikelihood(new CrfWeights(w, 0, 1), new Emissions(e, 0, 2, 1),
                new int[]{0, 0}, null, null);
        assertThat(loss).isCloseTo(0, within(1e-12));
    }
}
