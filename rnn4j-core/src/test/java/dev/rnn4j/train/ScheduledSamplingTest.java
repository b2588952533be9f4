package dev.rnn4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScheduledSamplingTest {

    @Test
    void linearFallsByCPerStepDownToTheFloor() {
        ScheduledSampling s = ScheduledSampling.linear(1.0, 0.001, 0.25);
        assertThat(s.teacherForcingProbability(0)).isEqualTo(1.0);
        assertThat(s.teacherForcingProbability(500)).isCloseTo(0.5, within(1e-12));
        assertThat(s.teacherForcingProbability(750)).isCloseTo(0.25, within(1e-12));
        assertThat(s.teacherForcingProbability(5000)).isEqualTo(0.25);
    }

    @Test
    void exponentialIsKToTheStep() {
        ScheduledSampling s = ScheduledSampling.exponential(0.99);
        assertThat(s.teacherForcingProbability(0)).isEqualTo(1.0);
        assertThat(s.teacherForcingProbability(1)).isCloseTo(0.99, within(1e-12));
        assertThat(s.teacherForcingProbability(100)).isCloseTo(0.3660323412732292, within(1e-12));
    }

    @Test
    void inverseSigmoidStartsNearOneAndCrossesOneHalfAtKLnK() {
        ScheduledSampling s = ScheduledSampling.inverseSigmoid(10);
        assertThat(s.teacherForcingProbability(0)).isCloseTo(10.0 / 11.0, within(1e-12));
        // k / (k + e^(i/k)) = 1/2 exactly when e^(i/k) = k, i.e. i = k ln k = 23.02585...
        assertThat(s.teacherForcingProbability(23)).isGreaterThan(0.5);
        assertThat(s.teacherForcingProbability(24)).isLessThan(0.5);
        assertThat(s.teacherForcingProbability(100)).isCloseTo(10 / (10 + Math.exp(10)), within(1e-15));
    }

    @Test
    void everyScheduleIsNonIncreasing() {
        for (ScheduledSampling s : new ScheduledSampling[] {ScheduledSampling.linear(1, 0.01, 0.1),
                ScheduledSampling.exponential(0.95), ScheduledSampling.inverseSigmoid(5)}) {
            double prev = 2;
            for (int i = 0; i < 300; i++) {
                double p = s.teacherForcingProbability(i);
                assertThat(p).isBetween(0.0, 1.0).isLessThanOrEqualTo(prev);
                prev = p;
            }
        }
    }

    @Test
    void rejectsParametersOutsideTheScheduleDomain() {
        assertThatThrownBy(() -> ScheduledSampling.exponential(1.5)).hasMessageContaining("0 < k < 1");
        assertThatThrownBy(() -> ScheduledSampling.inverseSigmoid(0.5)).hasMessageContaining("k >= 1");
    }
}
