package dev.rnn4j.forecast.rnn;

import dev.rnn4j.forecast.prep.LevelScaling;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.eval.Metrics;
import dev.rnn4j.forecast.model.FitContext;
import dev.rnn4j.forecast.model.Scaling;
import dev.rnn4j.nn.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RnnForecasterTest {

    private static final int PERIOD = 6;
    private static final int H = 6;

    /** A small, fast configuration: 8 GRU units, two members, lookback 12. */
    private static final RnnConfig SMALL = new RnnConfig(CellType.GRU, 8, 1, false, 12, 2, 30, 16, 1e-2, 5, 2000, 1);

    @TempDir
    Path dir;

    /** A noisy seasonal series (shape of period 6 around a level) per seed; z-scored as the backtest would. */
    private static double[] seasonal(int n, long seed) {
        Random r = new Random(seed);
        double[] shape = {0.0, 1.2, -0.8, 0.5, -1.0, 0.1};
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            v[t] = shape[t % PERIOD] + 0.1 * r.nextGaussian();
        }
        return v;
    }

    /** The naive forecast: the last observation, H times. */
    private static double[] lastValueRepeated(double[] y) {
        double[] f = new double[H];
        Arrays.fill(f, y[y.length - 1]);
        return f;
    }

    private static List<TimeSeries> training(double[][] full) {
        List<TimeSeries> out = new ArrayList<>();
        for (int s = 0; s < full.length; s++) {
            out.add(TimeSeries.of("s" + s, PERIOD, Arrays.copyOf(full[s], full[s].length - H)));
        }
        return out;
    }

    @Test
    void learnsASeasonalShapeBetterThanNaive() {
        double[][] full = {seasonal(96, 1), seasonal(96, 2), seasonal(96, 3)};
        List<TimeSeries> train = training(full);
        RnnFitted fitted = new RnnForecaster(SMALL).fit(train, new FitContext(H, 0, 7));
        List<double[]> f = fitted.forecastAll(train, H);
        double rnn = 0;
        double naive = 0;
        for (int s = 0; s < full.length; s++) {
            double[] y = train.get(s).valuesView();
            double[] actual = Arrays.copyOfRange(full[s], full[s].length - H, full[s].length);
            rnn += Metrics.mase(actual, f.get(s), y, PERIOD);
            naive += Metrics.mase(actual, lastValueRepeated(y), y, PERIOD);
        }
        // naive's MASE here is about 6 (it repeats one phase); the learned shape must be far closer
        assertThat(rnn).isLessThan(0.5 * naive);
        assertThat(fitted.lossHistory()).isNotEmpty();
        assertThat(fitted.lossHistory().get(0).validation()).isFinite();
        assertThat(fitted.card()).containsEntry("max trained sequence length", "18")
                .containsKeys("architecture", "trained", "lookback");
    }

    /** Positive series of very different levels sharing a multiplicative season and a growth rate. */
    @Test
    void positiveSeriesUseLogRatiosAndSeasonalAdjustment() {
        Random r = new Random(3);
        double[] season = {1.2, 0.8, 1.1, 0.9};
        List<TimeSeries> train = new ArrayList<>();
        List<double[]> future = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            double level = Math.pow(10, 1 + 2 * r.nextDouble());
            double[] v = new double[44];
            for (int t = 0; t < v.length; t++) {
                v[t] = level * Math.pow(1.02, t) * season[t % 4] * (1 + 0.02 * r.nextGaussian());
            }
            train.add(TimeSeries.of("p" + s, 4, Arrays.copyOf(v, 40)));
            future.add(Arrays.copyOfRange(v, 40, 44));
        }
        RnnConfig c = new RnnConfig(CellType.GRU, 8, 1, false, 8, 1, 30, 16, 1e-2, 5, 2000, 1);
        RnnFitted fitted = new RnnForecaster(c).fit(train, new FitContext(4, 0, 5));
        List<double[]> f = fitted.forecastAll(train, 4);
        double rnn = 0;
        double naive = 0;
        for (int s = 0; s < train.size(); s++) {
            double[] y = train.get(s).valuesView();
            double[] naiveF = new double[4];
            Arrays.fill(naiveF, y[y.length - 1]);
            rnn += Metrics.mase(future.get(s), f.get(s), y, 4);
            naive += Metrics.mase(future.get(s), naiveF, y, 4);
        }
        assertThat(fitted.card().get("level scaling")).contains("log of the ratio");
        assertThat(fitted.card().get("season")).contains("adjusted");
        assertThat(rnn).isLessThan(0.5 * naive);
    }

    @Test
    void windowScalingsInvertExactlyEnough() {
        for (LevelScaling w : LevelScaling.values()) {
            double level = w.level(new double[]{3, 5, 7}, 0, 3);
            for (double v : new double[]{0.5, 5, 40}) {
                assertThat(w.unscale(w.scale(v, level), level)).as(w + " " + v).isCloseTo(v, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        assertThat(LevelScaling.choose(List.of(new double[]{1, 2}))).isEqualTo(LevelScaling.LOG_RATIO);
        assertThat(LevelScaling.choose(List.of(new double[]{0, 2}))).isEqualTo(LevelScaling.RATIO);
        assertThat(LevelScaling.choose(List.of(new double[]{-1, 2}))).isEqualTo(LevelScaling.DIFFERENCE);
    }

    @Test
    void backtestReportsTheFittedModelCardAndOneLossCurvePerFold() {
        List<TimeSeries> series = List.of(TimeSeries.of("a", PERIOD, seasonal(72, 6)), TimeSeries.of("b", PERIOD, seasonal(72, 7)));
        var plan = new dev.rnn4j.forecast.eval.BacktestPlan(H, 2, H, dev.rnn4j.forecast.eval.WindowKind.EXPANDING, 0,
                dev.rnn4j.forecast.eval.RetrainPolicy.EVERY_FOLD, 0, 42);
        var result = dev.rnn4j.forecast.eval.Backtest.run("test", series, plan, List.of(),
                List.of(new RnnForecaster(SMALL.withTraining(3, 2000))), new ArrayList<>(), p -> { });
        var rnn = result.model("rnn");
        assertThat(rnn.lossCurves()).hasSize(2);
        assertThat(rnn.modelCard()).containsEntry("max trained sequence length", "18")
                .containsKey("trained").containsKey("architecture");
        assertThat(rnn.modelCard().get("architecture")).contains("-> 6 outputs");
    }

    @Test
    void sameSeedSameForecasts() {
        List<TimeSeries> train = training(new double[][]{seasonal(60, 4), seasonal(60, 5)});
        RnnConfig c = SMALL.withTraining(4, 2000);
        double[] a = new RnnForecaster(c).fit(train, new FitContext(H, 0, 11)).forecast(train.get(0), H);
        double[] b = new RnnForecaster(c).fit(train, new FitContext(H, 0, 11)).forecast(train.get(0), H);
        double[] other = new RnnForecaster(c).fit(train, new FitContext(H, 0, 12)).forecast(train.get(0), H);
        assertThat(b).containsExactly(a);
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void refusesABidirectionalStack() {
        RnnForecaster bidi = new RnnForecaster(SMALL.withBidirectional(true));
        assertThatThrownBy(bidi::checkCausal).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bidirectional").hasMessageContaining("future leaks into the past");
        List<TimeSeries> train = training(new double[][]{seasonal(60, 4)});
        assertThatThrownBy(() -> bidi.fit(train, FitContext.of(H))).hasMessageContaining("bidirectional");
    }

    @Test
    void asksForZScoredInputsAndNeedsOnlyAFewValuesBeyondTheHorizon() {
        RnnForecaster f = new RnnForecaster(SMALL);
        assertThat(f.inputScaling()).isEqualTo(Scaling.ZSCORE);
        assertThat(f.name()).isEqualTo("rnn");
        assertThat(f.minTrainingLength(12)).isEqualTo(14);
    }

    @Test
    void refusesAHorizonLongerThanTrained() {
        List<TimeSeries> train = training(new double[][]{seasonal(60, 4)});
        RnnFitted fitted = new RnnForecaster(SMALL.withTraining(2, 2000)).fit(train, FitContext.of(H));
        assertThatThrownBy(() -> fitted.forecast(train.get(0), H + 1)).hasMessageContaining("trained for horizon 6");
    }

    @Test
    void savedForecasterForecastsExactlyAsBeforeWithItsScalers() throws Exception {
        List<TimeSeries> raw = new ArrayList<>();
        double[][] full = {seasonal(60, 8), seasonal(60, 9)};
        for (int s = 0; s < full.length; s++) {
            double[] v = full[s].clone();
            for (int t = 0; t < v.length; t++) {
                v[t] = 500 + 40 * v[t] + 100 * s; // data units, not z-scores
            }
            raw.add(TimeSeries.of("s" + s, PERIOD, v));
        }
        TrainedRnn trained = TrainedRnn.train(new RnnForecaster(SMALL.withTraining(3, 2000)), raw, new FitContext(H, 0, 3));
        Path file = dir.resolve("forecaster");
        RnnModelFile.save(file, trained);
        TrainedRnn loaded = RnnModelFile.load(file);

        List<double[]> before = trained.forecast(raw, H);
        List<double[]> after = loaded.forecast(raw, H);
        for (int s = 0; s < raw.size(); s++) {
            assertThat(after.get(s)).containsExactly(before.get(s));
            assertThat(Arrays.stream(after.get(s)).average().orElseThrow()).isBetween(300.0, 800.0);
        }
        assertThat(loaded.scalers()).isEqualTo(trained.scalers());
        assertThat(loaded.fitted().lossHistory()).isEqualTo(trained.fitted().lossHistory());
        assertThat(loaded.fitted().maxTrainedLength()).isEqualTo(18);
    }

    @Test
    void refusesAModelFileThatIsNotAForecaster() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode config =
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("kind", "classifier");
        Path file = dir.resolve("other");
        dev.rnn4j.io.ModelFile.save(file, config, java.util.Map.of());
        assertThatThrownBy(() -> RnnModelFile.load(file)).hasMessageContaining("expected 'rnn4j-forecaster'");
    }
}
