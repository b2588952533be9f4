package dev.rnn4j.forecast.prep;

import dev.rnn4j.forecast.data.InvalidDataException;
import dev.rnn4j.forecast.data.Origin;
import dev.rnn4j.forecast.data.TimeSeries;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PreparationTest {

    @Test
    void windowsStepBackFromTheEndAndScaleByTheirOwnLevel() {
        TimeSeries s = TimeSeries.of("s", 1, 1, 2, 3, 4, 5, 6, 7);
        Windows w = Windows.of(List.of(s), new WindowSpec(3, 2, 2), LevelScaling.RATIO);
        assertThat(w.start()).containsExactly(2, 0);
        // window at 2: inputs 3,4,5 (level 4), targets 6,7; RATIO is value/level - 1
        assertThat(w.inputs()[0]).containsExactly(-0.25f, 0f, 0.25f);
        assertThat(w.targets()[0]).containsExactly(0.5f, 0.75f);
        assertThat(w.levels()[0]).isEqualTo(4);
        assertThat(LevelScaling.RATIO.unscale(w.targets()[0][1], w.levels()[0])).isCloseTo(7, within(1e-6));
    }

    @Test
    void differenceScalingForDataThatCrossesZero() {
        assertThat(LevelScaling.choose(List.of(new double[]{1, -1}))).isEqualTo(LevelScaling.DIFFERENCE);
        assertThat(LevelScaling.choose(List.of(new double[]{0, 2}))).isEqualTo(LevelScaling.RATIO);
        assertThat(LevelScaling.choose(List.of(new double[]{1, 2}))).isEqualTo(LevelScaling.LOG_RATIO);
        assertThat(LevelScaling.chooseLinear(List.of(new double[]{1, 2}))).isEqualTo(LevelScaling.RATIO);
        assertThat(LevelScaling.chooseLinear(List.of(new double[]{1, -2}))).isEqualTo(LevelScaling.DIFFERENCE);
        assertThat(LevelScaling.DIFFERENCE.scale(new double[]{-1, 1, 3}, 0, 3, 1)).containsExactly(-2f, 0f, 2f);
    }

    @Test
    void tooShortForOneWindowNamesFileLinesAndColumn() {
        TimeSeries s = new TimeSeries("units", "", 1, new double[]{1, 2, 3}, List.of(), List.of(),
                new Origin("sales.csv", "units", 2, 4));
        assertThatThrownBy(() -> Windows.of(List.of(s), new WindowSpec(3, 2, 1), LevelScaling.RATIO))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("sales.csv line 2, column 'units': series 'units' has 3 values (up to line 4), too few for "
                        + "lookback 3 + horizon 2 = 5; shorten the lookback or the horizon.");
    }

    @Test
    void zScoreUsesOnlyTheTrainingPart() {
        ZScore z = ZScore.fit(new double[]{1, 2, 3});
        assertThat(z.mean()).isEqualTo(2);
        assertThat(z.std()).isCloseTo(Math.sqrt(2.0 / 3), within(1e-12));
        assertThat(z.inverse(z.transform(new double[]{100, -5}))).containsExactly(new double[]{100, -5}, within(1e-9));
        assertThat(ZScore.fit(new double[]{5, 5}).std()).as("constant training part").isEqualTo(1);
    }

    @Test
    void seasonalPositionFollowsTheCalendar() {
        TimeSeries s = new TimeSeries("s", "", 12, new double[]{1, 2, 3}, List.of("2020-11", "2020-12", "2021-01"),
                List.of(), null);
        assertThat(SeasonalPosition.position(s, 0, 12)).isEqualTo(10);
        assertThat(SeasonalPosition.position(s, 2, 12)).isEqualTo(0);
        double[] dec = SeasonalPosition.features(s, 1, 12);
        double[] jan = SeasonalPosition.features(s, 2, 12);
        assertThat(Math.hypot(dec[0] - jan[0], dec[1] - jan[1])).as("December sits next to January")
                .isCloseTo(2 * Math.sin(Math.PI / 12), within(1e-12));
        TimeSeries noTimes = TimeSeries.of("t", 4, 1, 2, 3, 4, 5);
        assertThat(SeasonalPosition.position(noTimes, 5, 4)).isEqualTo(1);
    }

    @Test
    void saturationWarningNamesTheColumn() {
        TimeSeries raw = new TimeSeries("s", "", 1, new double[]{100, 120, 130}, List.of(),
                List.of(new TimeSeries.Covariate("temp", new double[]{0.1, 0.2, 0.3})), new Origin("f.csv", "load", 2, 4));
        List<String> w = SaturationCheck.warnings(List.of(raw), false, 3);
        assertThat(w).singleElement().asString().startsWith("Column 'load' (series 's') reaches |x| = 130 unscaled");
        assertThat(SaturationCheck.warnings(List.of(raw), true, 3)).isEmpty();
        // scaled on a flat training part, a later jump still lands far outside: warned
        TimeSeries jump = TimeSeries.of("j", 1, 10, 11, 10, 11, 10, 11, 50);
        assertThat(SaturationCheck.warnings(List.of(jump), true, 6)).singleElement().asString()
                .contains("after z-scoring");
    }
}
