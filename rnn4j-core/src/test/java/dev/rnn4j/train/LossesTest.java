package dev.rnn4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each loss's gradient against central finite differences, and a few values worked out by hand. */
class LossesTest {

    private static void checkGradient(Loss loss, float[] target) {
        SplittableRandom r = new SplittableRandom(3);
        int width = 4;
        float[] pred = new float[width];
        for (int i = 0; i < width; i++) {
            pred[i] = (float) r.nextDouble(-2, 2);
        }
        float[] grad = new float[width];
        loss.row(pred, 0, width, target, 0, grad, 0, 1.0);
        double eps = 1e-3;
        for (int i = 0; i < width; i++) {
            float old = pred[i];
            pred[i] = (float) (old + eps);
            double up = loss.row(pred, 0, width, target, 0, new float[width], 0, 1.0);
            pred[i] = (float) (old - eps);
            double down = loss.row(pred, 0, width, target, 0, new float[width], 0, 1.0);
            pred[i] = old;
            assertThat((double) grad[i]).as("%s d/dpred[%d]", loss.name(), i).isCloseTo((up - down) / (2 * eps), within(2e-4));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        float[] regression = {0.5f, -1f, 2f, 0.1f};
        checkGradient(Losses.mse(), regression);
        checkGradient(Losses.mae(), regression);
        checkGradient(Losses.huber(1.0), regression);
        checkGradient(Losses.crossEntropy(), new float[] {2});
        checkGradient(Losses.crossEntropy(new double[] {1, 2, 3, 4}), new float[] {1});
        checkGradient(Losses.binaryCrossEntropy(), new float[] {1, 0, 1, 0});
    }

    @Test
    void valuesByHand() {
        float[] g = new float[2];
        // MSE averages over the row: ((1-0)^2 + (3-1)^2) / 2 = 2.5
        assertThat(Losses.mse().row(new float[] {1, 3}, 0, 2, new float[] {0, 1}, 0, g, 0, 1)).isEqualTo(2.5);
        // Huber(1): |e| = 0.5 -> 0.125; |e| = 3 -> 3 - 0.5 = 2.5; mean 1.3125
        assertThat(Losses.huber(1).row(new float[] {0.5f, 3}, 0, 2, new float[] {0, 0}, 0, g, 0, 1)).isEqualTo(1.3125);
        // cross-entropy of equal logits over 4 classes: ln 4
        assertThat(Losses.crossEntropy().row(new float[] {1, 1, 1, 1}, 0, 4, new float[] {3}, 0, new float[4], 0, 1))
                .isCloseTo(Math.log(4), within(1e-12));
        // BCE of logit 0: ln 2 whatever the target
        assertThat(Losses.binaryCrossEntropy().row(new float[] {0}, 0, 1, new float[] {1}, 0, new float[1], 0, 1))
                .isCloseTo(Math.log(2), within(1e-12));
        assertThat(Losses.crossEntropy(new double[] {1, 5}).rowWeight(new float[] {1}, 0)).isEqualTo(5);
    }
}
