package dev.rnn4j.forecast.eval;

import dev.rnn4j.forecast.data.InvalidDataException;
import dev.rnn4j.forecast.data.Origin;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.model.FitContext;
import dev.rnn4j.forecast.model.Forecaster;
import dev.rnn4j.forecast.model.NaiveForecaster;
import dev.rnn4j.forecast.model.Scaling;
import dev.rnn4j.forecast.model.SeasonalNaiveForecaster;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BacktestTest {

    /** A z-scored global model that records what it was given, then forecasts like seasonal naive. */
    private static final class Recorder implements Forecaster {
        final List<List<double[]>> fits = new ArrayList<>();
        final String name;
        final boolean refuse;

        Recorder(String name, boolean refuse) {
            this.name = name;
            this.refuse = refuse;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Scaling inputScaling() {
            return Scaling.ZSCORE;
        }

        @Override
        public void checkCausal() {
            if (refuse) {
                throw new IllegalArgumentException("bidirectional layer 0 sees the future.");
            }
        }

        @Override
        public Fitted fit(List<TimeSeries> training, FitContext context) {
            fits.add(training.stream().map(TimeSeries::values).toList());
            return new SeasonalNaiveForecaster().fit(training, context);
        }
    }

    private static TimeSeries seasonal(int n) {
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            v[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 4) + t;
        }
        return new TimeSeries("s", "", 4, v, List.of(), List.of(), new Origin("f.csv", "y", 2, n + 1));
    }

    @Test
    void foldsEndAtTheLastValueAndScalersSeeOnlyTheTrainingPart() {
        Recorder r = new Recorder("rnn", false);
        BacktestPlan plan = BacktestPlan.expanding(4, 3);
        BacktestResult res = Backtest.run("f.csv", List.of(seasonal(40)), plan, List.of(new NaiveForecaster()), List.of(r),
                List.of(), p -> { });
        assertThat(res.model("rnn").forecasts()).extracting(FoldForecast::origin).containsExactly(28, 32, 36);
        assertThat(r.fits).hasSize(3);
        // z-scored with the training part's own statistics: mean 0 and std 1 over exactly origin values
        for (int k = 0; k < 3; k++) {
            double[] seen = r.fits.get(k).get(0);
            assertThat(seen).hasSize(28 + 4 * k);
            double mean = java.util.Arrays.stream(seen).average().orElseThrow();
            assertThat(mean).isCloseTo(0, within(1e-9));
        }
        // forecasts are back on the data's scale: seasonal naive on this series is off by exactly the trend
        FoldForecast last = res.model("rnn").forecasts().get(2);
        for (int i = 0; i < 4; i++) {
            assertThat(last.actual()[i] - last.forecast()[i]).isCloseTo(4, within(1e-9));
        }
    }

    @Test
    void firstFoldOnlyFitsOnce() {
        Recorder r = new Recorder("rnn", false);
        BacktestPlan plan = new BacktestPlan(4, 3, 4, WindowKind.EXPANDING, 0, RetrainPolicy.FIRST_FOLD_ONLY, 0, 1);
        Backtest.run("f.csv", List.of(seasonal(40)), plan, List.of(), List.of(r), List.of(), p -> { });
        assertThat(r.fits).hasSize(1);
    }

    @Test
    void slidingWindowKeepsTheTrainingLength() {
        Recorder r = new Recorder("rnn", false);
        BacktestPlan plan = new BacktestPlan(4, 3, 4, WindowKind.SLIDING, 12, RetrainPolicy.EVERY_FOLD, 0, 1);
        Backtest.run("f.csv", List.of(seasonal(40)), plan, List.of(), List.of(r), List.of(), p -> { });
        assertThat(r.fits).allSatisfy(f -> assertThat(f.get(0)).hasSize(12));
    }

    @Test
    void rankingSaysWhetherTheCandidateEarnsItsPlace() {
        BacktestResult res = Backtest.run("f.csv", List.of(seasonal(40)), BacktestPlan.expanding(4, 3),
                List.of(new NaiveForecaster()), List.of(new Recorder("rnn", false)), List.of(), p -> { });
        assertThat(res.ranking().order()).containsExactly("rnn", "naive");
        assertThat(res.ranking().candidateBeatsBaselines()).isTrue();
        assertThat(res.ranking().verdict()).startsWith("rnn ranks 1 of 2 by mase").contains("earns its place");

        BacktestResult worse = Backtest.run("f.csv", List.of(seasonal(40)), BacktestPlan.expanding(4, 3),
                List.of(new SeasonalNaiveForecaster()), List.of(new NaiveAsCandidate()), List.of(), p -> { });
        assertThat(worse.ranking().candidateBeatsBaselines()).isFalse();
        assertThat(worse.ranking().verdict()).contains("does NOT beat seasonal_naive");
    }

    private static final class NaiveAsCandidate implements Forecaster {
        @Override
        public String name() {
            return "rnn";
        }

        @Override
        public Fitted fit(List<TimeSeries> training, FitContext context) {
            return new NaiveForecaster().fit(training, context);
        }
    }

    @Test
    void tooShortSeriesNamesFileLinesAndColumn() {
        assertThatThrownBy(() -> Backtest.run("f.csv", List.of(seasonal(10)), BacktestPlan.expanding(4, 3),
                List.of(new NaiveForecaster()), List.of(), List.of(), p -> { }))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith("f.csv line 2, column 'y': series 's' has 10 values (up to line 11), too few");
    }

    @Test
    void aForecasterThatSeesTheFutureIsRefusedBeforeAnythingRuns() {
        Recorder r = new Recorder("rnn", true);
        assertThatThrownBy(() -> Backtest.run("f.csv", List.of(seasonal(40)), BacktestPlan.expanding(4, 3), List.of(),
                List.of(r), List.of(), p -> { })).hasMessageContaining("bidirectional");
        assertThat(r.fits).isEmpty();
    }
}
