package dev.rnn4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Two steps of every optimiser on a 2-parameter example, p0 = (1, -2), gradients (0.5, -1) then
 * (0.25, 0.75), lr 0.1. Expected values are worked out from torch.optim's update rules by hand
 * (for SGD with momentum: buf1 = g1, p1 = (0.95, -1.9); buf2 = 0.9*g1 + g2 = (0.7, -0.15),
 * p2 = (0.88, -1.885)) and, for Adam and RMSprop, with a separate double-precision script.
 */
class OptimizerStepTest {

    private static float[] twoSteps(OptimizerConfig config) {
        float[] p = {1f, -2f};
        Optimizer o = config.create(2);
        o.step(p, new float[] {0.5f, -1f}, 0.1);
        o.step(p, new float[] {0.25f, 0.75f}, 0.1);
        return p;
    }

    private static void expect(OptimizerConfig config, double p0, double p1) {
        float[] p = twoSteps(config);
        assertThat((double) p[0]).isCloseTo(p0, within(2e-6));
        assertThat((double) p[1]).isCloseTo(p1, within(2e-6));
    }

    @Test
    void plainSgd() {
        expect(OptimizerConfig.sgd(0.1), 0.925, -1.975);
    }

    @Test
    void sgdWithMomentum() {
        expect(OptimizerConfig.sgd(0.1).withMomentum(0.9, false), 0.88, -1.885);
    }

    @Test
    void sgdWithNesterov() {
        expect(OptimizerConfig.sgd(0.1).withMomentum(0.9, true), 0.817, -1.8715);
    }

    @Test
    void sgdWithWeightDecay() {
        expect(OptimizerConfig.sgd(0.1).withWeightDecay(0.1), 0.9056, -1.9362);
    }

    @Test
    void adam() {
        expect(OptimizerConfig.adam(0.1), 0.8067820404774624, -1.8910675003605355);
    }

    @Test
    void adamWithL2() {
        expect(OptimizerConfig.adam(0.1).withWeightDecay(0.1), 0.8050097658613199, -1.870767278976266);
    }

    @Test
    void adamWDecouplesTheDecay() {
        expect(OptimizerConfig.adamW(0.1).withWeightDecay(0.1), 0.7878820404574624, -1.8522675003505356);
    }

    @Test
    void rmsProp() {
        expect(OptimizerConfig.rmsProp(0.1), -0.44901297442182964, -1.6019293171196611);
    }

    @Test
    void rmsPropWithMomentum() {
        expect(OptimizerConfig.rmsProp(0.1).withMomentum(0.9, false), -1.3490127944218653, -0.7019294071196525);
    }

    @Test
    void stateRoundTripsSoAResumedOptimiserContinuesIdentically() {
        float[] a = {1f, -2f};
        Optimizer first = OptimizerConfig.adam(0.1).create(2);
        first.step(a, new float[] {0.5f, -1f}, 0.1);
        Optimizer resumed = OptimizerConfig.adam(0.1).create(2);
        resumed.restore(first.state());
        float[] b = a.clone();
        first.step(a, new float[] {0.25f, 0.75f}, 0.1);
        resumed.step(b, new float[] {0.25f, 0.75f}, 0.1);
        assertThat(b).containsExactly(a);
    }
}
