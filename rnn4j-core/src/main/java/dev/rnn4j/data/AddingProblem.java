package dev.rnn4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The adding problem (Hochreiter and Schmidhuber 1997, in the form of Arjovsky et al. 2016): each
 * timestep has two features, a value drawn from U(0, 1) and a marker; exactly two steps are
 * marked, one in each half of the sequence, and the target is the sum of their values. Predicting
 * the mean (1) scores an MSE of 1/6 ≈ 0.167, the baseline a model must beat.
 */
public final class AddingProblem {

    /** MSE of always predicting the expected sum 1: the variance of the sum of two U(0,1), 2/12. */
    public static final double BASELINE_MSE = 1.0 / 6.0;

    private AddingProblem() {
    }

    /** {@code n} sequences of {@code length} steps, drawn from {@code random}. */
    public static List<Sequence> generate(int n, int length, SplittableRandom random) {
        if (length < 2) {
            throw new IllegalArgumentException("Adding problem length must be >= 2, got " + length + ".");
        }
        List<Sequence> out = new ArrayList<>(n);
        int half = length / 2;
        for (int i = 0; i < n; i++) {
            float[] x = new float[length * 2];
            for (int t = 0; t < length; t++) {
                x[2 * t] = (float) random.nextDouble();
            }
            int first = random.nextInt(half);
            int second = half + random.nextInt(length - half);
            x[2 * first + 1] = 1f;
            x[2 * second + 1] = 1f;
            out.add(Sequence.of("adding_" + i, x, length, new float[] {x[2 * first] + x[2 * second]}));
        }
        return out;
    }
}
