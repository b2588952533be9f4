package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every part of every run runs exactly once, whoever claims it; failures reach the caller. */
class SpinTeamTest {

    @Test
    void everyPartOfEveryRunRunsOnce() {
        SpinTeam team = SpinTeam.shared(3);
        assertThat(team.tryAcquire()).isTrue();
        try {
            int runs = 20_000;
            for (int count : new int[] {1, 2, 5}) {
                AtomicIntegerArray ran = new AtomicIntegerArray(count);
                for (int r = 0; r < runs; r++) {
                    team.run(ran::incrementAndGet, count);
                    // Every part of this run is done before run returns: no part is still running or pending.
                    for (int p = 0; p < count; p++) {
                        assertThat(ran.get(p)).as("part %d after run %d", p, r).isEqualTo(r + 1);
                    }
                }
            }
        } finally {
            team.release();
        }
    }

    @Test
    void aTakenTeamIsRefusedToASecondCaller() {
        SpinTeam team = SpinTeam.shared(2);
        assertThat(team.tryAcquire()).isTrue();
        try {
            assertThat(team.tryAcquire()).isFalse();
        } finally {
            team.release();
        }
        assertThat(team.tryAcquire()).isTrue();
        team.release();
    }

    @Test
    void aFailingPartFailsTheRunAndLeavesTheTeamUsable() {
        SpinTeam team = SpinTeam.shared(2);
        assertThat(team.tryAcquire()).isTrue();
        try {
            for (int r = 0; r < 100; r++) {
                assertThatThrownBy(() -> team.run(p -> {
                    if (p == 1) {
                        throw new IllegalStateException("part 1 failed");
                    }
                }, 2)).isInstanceOf(IllegalStateException.class).hasMessage("part 1 failed");
                AtomicIntegerArray ran = new AtomicIntegerArray(2);
                team.run(ran::incrementAndGet, 2);
                assertThat(ran.get(0) + ran.get(1)).isEqualTo(2);
            }
        } finally {
            team.release();
        }
    }

    @Test
    void partCountsOutsideTheWordAreRefused() {
        SpinTeam team = SpinTeam.shared(2);
        assertThatThrownBy(() -> team.run(p -> { }, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A run has 1 to 4095 parts, got 0.");
        assertThatThrownBy(() -> SpinTeam.shared(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
