package dev.rnn4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void stepDecayHalvesEveryThreeEpochs() {
        LearningRateSchedule s = LearningRateSchedule.step(3, 0.5);
        assertThat(s.scale(0, null)).isEqualTo(1.0);
        assertThat(s.scale(2, null)).isEqualTo(1.0);
        assertThat(s.scale(3, null)).isEqualTo(0.5);
        assertThat(s.scale(7, null)).isEqualTo(0.25);
    }

    @Test
    void cosineGoesFromOneToTheFloor() {
        LearningRateSchedule s = LearningRateSchedule.cosine(10, 0.1);
        assertThat(s.scale(0, null)).isEqualTo(1.0);
        assertThat(s.scale(5, null)).isCloseTo(0.55, within(1e-12));
        assertThat(s.scale(10, null)).isCloseTo(0.1, within(1e-12));
        assertThat(s.scale(12, null)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void plateauDecaysAfterPatienceEpochsWithoutImprovement() {
        LearningRateSchedule s = LearningRateSchedule.reduceOnPlateau(0.5, 1, 0.2);
        PlateauTracker p = new PlateauTracker();
        p.observe(1.0, s);
        p.observe(0.9, s);
        assertThat(s.scale(2, p)).isEqualTo(1.0);
        p.observe(0.95, s); // 1 bad epoch: within patience
        assertThat(p.scale()).isEqualTo(1.0);
        p.observe(0.92, s); // 2 bad epochs: decay
        assertThat(p.scale()).isEqualTo(0.5);
        p.observe(0.93, s);
        p.observe(0.93, s);
        p.observe(0.93, s);
        p.observe(0.93, s);
        assertThat(p.scale()).isEqualTo(0.2); // floored
    }
}
