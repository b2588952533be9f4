package dev.rnn4j.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {

    /** Norms of random 16-dimensional states whose coordinates are N(mu, sigma). */
    private static double norm(SplittableRandom r, double mu, double sigma) {
        double sq = 0;
        for (int i = 0; i < 16; i++) {
            double v = mu + sigma * gaussian(r);
            sq += v * v;
        }
        return Math.sqrt(sq);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static NormProfile reference(SplittableRandom r) {
        double[] norms = new double[5000];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = norm(r, 0, 0.3);
        }
        return NormProfile.fit(norms, 0);
    }

    @Test
    void inDistributionStaysQuietAndAShiftAlertsWithinTheWindow() {
        SplittableRandom r = new SplittableRandom(11);
        List<Long> alerts = new ArrayList<>();
        DriftMonitor m = new DriftMonitor(new NormProfile[] {reference(r)}, 500, 0.25, (layer, score, n) -> alerts.add(n));
        double maxQuiet = 0;
        for (int i = 0; i < 20_000; i++) {
            assertThat(m.observeNorm(0, norm(r, 0, 0.3))).as("false alarm at step %d", i).isFalse();
            if (i > 500) {
                maxQuiet = Math.max(maxQuiet, m.score(0));
            }
        }
        assertThat(maxQuiet).as("PSI on in-distribution data").isLessThan(0.1);

        int steps = 0;
        while (!m.observeNorm(0, norm(r, 0, 0.45)) && steps < 5000) { // the same states, scaled by 1.5
            steps++;
        }
        assertThat(steps).as("steps until the scaled stream alerts").isLessThan(500);
        assertThat(alerts).hasSize(1);
        assertThat(m.score(0)).isGreaterThan(0.25);
    }

    @Test
    void aShiftedMeanAlertsToo() {
        SplittableRandom r = new SplittableRandom(5);
        DriftMonitor m = DriftMonitor.of(reference(r));
        for (int i = 0; i < 1000; i++) {
            m.observeNorm(0, norm(r, 0, 0.3));
        }
        int steps = 0;
        while (!m.observeNorm(0, norm(r, 0.25, 0.3)) && steps < 5000) {
            steps++;
        }
        assertThat(steps).as("steps until a stream whose coordinates moved by 0.25 alerts").isLessThan(1000);
    }

    @Test
    void observingAStateVectorUsesItsNorm() {
        NormProfile p = NormProfile.fit(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 0);
        DriftMonitor m = new DriftMonitor(new NormProfile[] {p}, 100, 0.25, null);
        m.observe(0, new float[] {9, 3, 4, 9}, 1, 2); // norm 5
        assertThat(p.bin(5)).as("deciles 2..10, so 5 is in (4, 5]").isEqualTo(3);
        assertThat(m.score(0)).isCloseTo(0.9 * Math.log(10) + 9 * (1e-4 - 0.1) * Math.log(1e-3), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void decilesFollowTheData() {
        double[] norms = new double[101];
        for (int i = 0; i <= 100; i++) {
            norms[i] = i;
        }
        NormProfile p = NormProfile.fit(norms, 0.02);
        assertThat(p.deciles()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(p.mean()).isEqualTo(50);
        assertThat(p.bin(10)).isEqualTo(0);
        assertThat(p.bin(10.5)).isEqualTo(1);
        assertThat(p.bin(1000)).isEqualTo(9);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> NormProfile.fit(new double[3], 0)).hasMessageContaining("at least 10").hasMessageContaining("got 3");
        NormProfile p = NormProfile.fit(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0);
        assertThatThrownBy(() -> new DriftMonitor(new NormProfile[] {p}, 10, 0.25, null)).hasMessageContaining("window");
    }
}
