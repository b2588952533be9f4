package dev.rnn4j.train;

import dev.rnn4j.data.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small random data sets for training tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Sequences of random values; targets are per step ({@code perStep}) or one value per sequence. */
    static List<Sequence> regression(int n, int minLength, int maxLength, int features, boolean perStep, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sequence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = minLength + r.nextInt(maxLength - minLength + 1);
            float[] x = new float[len * features];
            for (int j = 0; j < x.length; j++) {
                x[j] = (float) r.nextDouble(-1, 1);
            }
            float[] y = new float[perStep ? len : 1];
            for (int j = 0; j < y.length; j++) {
                y[j] = (float) r.nextDouble(-1, 1);
            }
            out.add(Sequence.of("s" + i, x, len, y));
        }
        return out;
    }
}
