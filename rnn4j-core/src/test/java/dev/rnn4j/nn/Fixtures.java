package dev.rnn4j.nn;

import dev.rnn4j.tensor.Tensor;
import java.util.SplittableRandom;

/** Random tensors and the golden-file loss (sum of outputs and final states weighted by fixed tensors). */
final class Fixtures {

    private Fixtures() {
    }

    static Tensor random(SplittableRandom r, double scale, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (r.nextDouble(-1, 1) * scale);
        }
        return t;
    }

    /** loss = sum(output*R) + sum(h_n*Rh) + sum(c_n*Rc), in double. */
    static double loss(RecurrentOutput out, Tensor r, Tensor rh, Tensor rc) {
        double s = dot(out.output(), r) + dot(out.hN(), rh);
        if (out.cN() != null) {
            s += dot(out.cN(), rc);
        }
        return s;
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += (double) a.data()[i] * b.data()[i];
        }
        return s;
    }
}
