package dev.rnn4j.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.optim.Optimizer;
import dev.rnn4j.optim.OptimizerConfig;
import dev.rnn4j.train.ScheduledSampling;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One-to-many generation from a seed vector: gradients, feedback of outputs, scheduled sampling, and learning a wave. */
class OneToManyTest {

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        return x;
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
            OneToMany m = OneToMany.create(new OneToManyConfig(cell, 3, 2, 4, 2), 5);
            int batch = 3;
            int steps = 5;
            float[] seeds = random(batch * 3, 1);
            float[] targets = random(batch * steps * 2, 2);
            float[] inputs = m.scheduledInputs(seeds, targets, batch, steps, 0.5, new SplittableRandom(3));
            float[][] g = m.newGradients();
            m.backward(m.forward(seeds, inputs, batch, steps), targets, g);
            double eps = 1e-2;
            float[][] params = m.parameterGroups();
            for (int group = 0; group < params.length; group++) {
                float[] w = params[group];
                for (int i = 0; i < w.length; i++) {
                    float old = w[i];
                    w[i] = (float) (old + eps);
                    double up = m.backward(m.forward(seeds, inputs, batch, steps), targets, m.newGradients());
                    w[i] = (float) (old - eps);
                    double down = m.backward(m.forward(seeds, inputs, batch, steps), targets, m.newGradients());
                    w[i] = old;
                    double numeric = (up - down) / (2 * eps);
                    assertThat((double) g[group][i]).as("%s group %d flat %d", cell, group, i)
                            .isCloseTo(numeric, within(5e-5 + 2e-3 * Math.abs(numeric)));
                }
            }
        }
    }

    /** Generating step by step equals one whole-sequence pass on the fed-back outputs; p = 0 feeds exactly those. */
    @Test
    void generationFeedsOutputsBackAndProbabilityZeroFeedsOnlyPredictions() {
        OneToMany m = OneToMany.create(new OneToManyConfig(CellType.LSTM, 2, 3, 5, 2), 7);
        int batch = 2;
        int steps = 6;
        float[] seeds = random(batch * 2, 4);
        float[] generated = m.generate(seeds, batch, steps);
        float[] fedBack = m.teacherInputs(generated, batch, steps);
        float[] whole = m.forward(seeds, fedBack, batch, steps).outputs();
        for (int i = 0; i < whole.length; i++) {
            assertThat(generated[i]).as("flat %d", i).isCloseTo(whole[i], within(1e-5f));
        }
        float[] targets = random(generated.length, 9);
        assertThat(m.scheduledInputs(seeds, targets, batch, steps, 0.0, new SplittableRandom(1))).containsExactly(fedBack);
        assertThat(m.scheduledInputs(seeds, targets, batch, steps, 1.0, new SplittableRandom(1)))
                .containsExactly(m.teacherInputs(targets, batch, steps));
    }

    /** From a seed (cos φ, sin φ), generate sin(φ + 0.3 t) for 20 steps, free running, after training with scheduled sampling. */
    @Test
    void learnsToGenerateAWaveFromItsPhase() {
        OneToMany m = OneToMany.create(new OneToManyConfig(CellType.GRU, 2, 1, 16, 1), 3);
        int batch = 32;
        int steps = 20;
        SplittableRandom r = new SplittableRandom(11);
        float[][] params = m.parameterGroups();
        Optimizer[] adam = {OptimizerConfig.adam(0.01).create(params[0].length), OptimizerConfig.adam(0.01).create(params[1].length)};
        ScheduledSampling schedule = ScheduledSampling.linear(1.0, 1.0 / 600, 0.0);
        for (int step = 0; step < 800; step++) {
            float[][] wave = waves(batch, steps, r);
            float[] inputs = m.scheduledInputs(wave[0], wave[1], batch, steps, schedule.teacherForcingProbability(step), r);
            float[][] g = m.newGradients();
            m.backward(m.forward(wave[0], inputs, batch, steps), wave[1], g);
            for (int i = 0; i < params.length; i++) {
                adam[i].step(params[i], g[i], 0.01);
            }
        }
        float[][] test = waves(64, steps, new SplittableRandom(99));
        float[] generated = m.generate(test[0], 64, steps);
        double mse = 0;
        for (int i = 0; i < generated.length; i++) {
            mse += (generated[i] - test[1][i]) * (generated[i] - test[1][i]);
        }
        mse /= generated.length;
        // Predicting zero scores 0.5 (the mean square of a sine).
        assertThat(mse).isLessThan(0.01);
    }

    private static float[][] waves(int batch, int steps, SplittableRandom r) {
        float[] seeds = new float[batch * 2];
        float[] y = new float[batch * steps];
        for (int b = 0; b < batch; b++) {
            double phase = r.nextDouble(0, 2 * Math.PI);
            seeds[2 * b] = (float) Math.cos(phase);
            seeds[2 * b + 1] = (float) Math.sin(phase);
            for (int t = 0; t < steps; t++) {
                y[b * steps + t] = (float) Math.sin(phase + 0.3 * (t + 1));
            }
        }
        return new float[][] {seeds, y};
    }
}
