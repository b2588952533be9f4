package dev.rnn4j.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rnn4j.data.Sequence;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.ModelStream;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.model.StreamingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A drift monitor attached to a streaming model: the reference is measured on whole sequences as
 * classify train measures it ({@link LayerActivity}), the live side observes each step of each
 * stream. In-distribution streams raise no alert; scaled and shifted inputs alert within a window.
 */
class StreamDriftTest {

    private static final int LENGTH = 20;
    private static final int WINDOW = 500;

    private static float[] reading(SplittableRandom r, double scale, double shift) {
        float[] x = new float[4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (scale * r.nextGaussian() + shift);
        }
        return x;
    }

    @Test
    void inDistributionStreamsStayQuietAndScaledOnesAlertWithinAWindow() {
        SequenceModel model = SequenceModel.create(ModelConfig.builder().inputs(4).gru(8).lstm(6).denseOnEveryStep(2).seed(3).build());
        SplittableRandom r = new SplittableRandom(21);
        List<Sequence> reference = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            float[] v = new float[LENGTH * 4];
            for (int t = 0; t < LENGTH; t++) {
                System.arraycopy(reading(r, 1, 0), 0, v, t * 4, 4);
            }
            reference.add(Sequence.of("r" + i, v, LENGTH, new float[] {0}));
        }
        NormProfile[] profiles = LayerActivity.measure(model, reference).profiles();
        assertThat(profiles).hasSize(2);
        assertThat(profiles[0].count()).isEqualTo(300L * LENGTH);

        List<Long> alerts = new ArrayList<>();
        DriftMonitor monitor = new DriftMonitor(profiles, WINDOW, 0.25, (layer, score, n) -> alerts.add(n));
        StreamingModel live = StreamingModel.of(model, LENGTH);
        ModelStream s = live.newStream();
        float[] y = new float[2];
        int falseAlarms = 0;
        for (int step = 0; step < 20_000; step++) {
            if (step % LENGTH == 0) {
                s.reset(); // one sequence after another, as the reference saw them
            }
            live.step(reading(r, 1, 0), s, y);
            if (monitor.observe(s)) {
                falseAlarms++;
            }
        }
        assertThat(falseAlarms).as("steps in alert over 20000 in-distribution steps").isZero();
        assertThat(monitor.score(0)).isLessThan(0.1);
        assertThat(monitor.score(1)).isLessThan(0.1);

        int steps = 0;
        boolean alert = false;
        while (!alert && steps < 5 * WINDOW) {
            if (steps % LENGTH == 0) {
                s.reset();
            }
            live.step(reading(r, 2, 0.5), s, y);
            alert = monitor.observe(s);
            steps++;
        }
        assertThat(alert).isTrue();
        assertThat(steps).as("steps of the scaled stream until an alert").isLessThanOrEqualTo(WINDOW);
        assertThat(alerts).isNotEmpty();
    }
}
