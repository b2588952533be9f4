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

    @ParameterizedTest(name = "{0} tags, length {1}")
    @CsvSource({"1, 1", "1, 4", "2, 1", "2, 5", "3, 4", "4, 3", "5, 2"})
    void partitionFunctionAndViterbiMatchEnumerationOfEveryPath(int k, int len) {
        SplittableRandom r = new SplittableRandom(31L * k + len);
        float[] w = random(r, CrfWeights.size(k), 1.5);
        float[] e = random(r, len * k, 2.0);
        LinearChainCrf crf = new LinearChainCrf(k);
        CrfWeights weights = new CrfWeights(w, 0, k);
        Emissions emissions = new Emissions(e, 0, len, k);

        double max = Double.NEGATIVE_INFINITY;
        int[] best = null;
        double sum = 0;
        for (int[] path : allPaths(k, len)) {
            double s = bruteScore(w, k, e, path);
            assertThat(crf.score(weights, emissions, path)).isCloseTo(s, within(1e-9));
            sum += Math.exp(s);
            if (s > max) {
                max = s;
                best = path;
            }
        }
        assertThat(crf.logPartition(weights, emissions)).isCloseTo(Math.log(sum), within(1e-9));
        assertThat(crf.viterbi(weights, emissions)).containsExactly(best);
        int[] gold = allPaths(k, len)[r.nextInt((int) Math.pow(k, len))];
        assertThat(crf.negativeLogLikelihood(weights, emissions, gold, null, null))
                .isCloseTo(Math.log(sum) - bruteScore(w, k, e, gold), within(1e-9));
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
