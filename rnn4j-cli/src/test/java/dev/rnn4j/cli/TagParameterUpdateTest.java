package dev.rnn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.optim.Optimizer;
import dev.rnn4j.optim.OptimizerConfig;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TagParameterUpdateTest {

    @Test
    void skippingARangeWithoutGradientStepsTheRestExactlyAsAdamOverEverything() {
        SplittableRandom r = new SplittableRandom(4);
        float[] expected = new float[20];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (float) r.nextDouble(-1, 1);
        }
        float[] actual = expected.clone();
        Optimizer full = OptimizerConfig.adam(0.01).create(expected.length);
        TagParameterUpdate skipping = new TagParameterUpdate(actual.length, 5, 12, 0.01, 0);
        assertThat(skipping.updated()).isEqualTo(13);
        for (int step = 0; step < 5; step++) {
            float[] g = new float[expected.length];
            for (int i = 0; i < g.length; i++) {
                // The skipped range is the rows no training word reaches: its gradient is zero.
                g[i] = i >= 5 && i < 12 ? 0f : (float) r.nextDouble(-1, 1);
            }
            full.step(expected, g.clone(), 0.01);
            skipping.apply(actual, g.clone());
        }
        assertThat(actual).containsExactly(expected);
    }

    @Test
    void aFrozenRangeStaysAsItIsWhateverItsGradientAndClippingIgnoresIt() {
        float[] p = {1, 2, 3, 4};
        TagParameterUpdate frozen = new TagParameterUpdate(4, 0, 2, 0.1, 1e-3);
        frozen.apply(p, new float[] {100, 100, 1, -1});
        assertThat(Arrays.copyOfRange(p, 0, 2)).containsExactly(1f, 2f);
        // Adam's first step moves each parameter by the learning rate against its gradient's sign, clipped or not.
        assertThat(p[2]).isCloseTo(2.9f, org.assertj.core.api.Assertions.within(1e-5f));
        assertThat(p[3]).isCloseTo(4.1f, org.assertj.core.api.Assertions.within(1e-5f));

        assertThatThrownBy(() -> new TagParameterUpdate(4, 3, 5, 0.1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
