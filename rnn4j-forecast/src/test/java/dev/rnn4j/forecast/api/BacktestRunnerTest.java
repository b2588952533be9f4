package dev.rnn4j.forecast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.forecast.data.InvalidDataException;
import dev.rnn4j.forecast.eval.BacktestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacktestRunnerTest {

    private static final List<String> FAST = List.of("naive", "seasonal_naive", "moving_average", "theta");

    @Test
    void demoRunsOnTheBundledSunspotsWithDefaultsFromTheData(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("r.html");
        BacktestOutcome out = BacktestRunner.run(BacktestRequest.demo(report).withBaselines(FAST), ProgressListener.silent());
        BacktestResult r = out.result();
        assertThat(r.series()).singleElement().satisfies(s -> {
            assertThat(s.length()).isEqualTo(2820);
            assertThat(s.frequency()).isEqualTo(12);
        });
        assertThat(r.plan().horizon()).isEqualTo(12);
        assertThat(r.plan().folds()).isEqualTo(3);
        assertThat(r.models()).extracting(m -> m.model()).containsExactlyElementsOf(FAST);
        // self-contained: uPlot inlined, nothing fetched from anywhere
        assertThat(Files.readString(report)).contains("uPlot").doesNotContain("{{").doesNotContain("<script src")
                .doesNotContain("<link");

        JsonNode json = new ObjectMapper().readTree(ResultJson.backtest(out));
        assertThat(json.get("results")).hasSize(4);
        for (JsonNode m : json.get("results")) {
            assertThat(m.has("model")).isTrue();
            for (String k : List.of("mae", "rmse", "mape", "smape", "mase")) {
                assertThat(m.get(k).isNumber()).as(k).isTrue();
            }
        }
    }

    @Test
    void anyCsvWithATimeColumnWorks(@TempDir Path tmp) throws Exception {
        StringBuilder csv = new StringBuilder("when,load,temp\n");
        for (int d = 0; d < 120; d++) {
            csv.append(java.time.LocalDate.of(2024, 1, 1).plusDays(d)).append(',')
                    .append(50 + 10 * Math.sin(2 * Math.PI * d / 7) + d * 0.1).append(',').append(d % 9).append('\n');
        }
        Path f = Files.writeString(tmp.resolve("plant.csv"), csv);
        BacktestOutcome out = BacktestRunner.run(BacktestRequest.of(f, "load", "when").withBaselines(FAST),
                ProgressListener.silent());
        assertThat(out.result().plan().horizon()).as("one weekly season of daily data").isEqualTo(7);
        assertThat(out.result().ranking().order().get(0)).isEqualTo("seasonal_naive");
        assertThat(out.report()).isNull();
    }

    @Test
    void malformedCsvsGiveOneSentenceNamingFileLineAndColumn(@TempDir Path tmp) throws Exception {
        Path missingCol = Files.writeString(tmp.resolve("a.csv"), "t,x\n1,2\n");
        assertThatThrownBy(() -> BacktestRunner.run(BacktestRequest.of(missingCol, "y", "t"), ProgressListener.silent()))
                .isInstanceOf(InvalidDataException.class).hasMessageStartingWith("a.csv line 1, column 'y': no such target");
        Path text = Files.writeString(tmp.resolve("b.csv"), "t,y\n1,2\n2,two\n");
        assertThatThrownBy(() -> BacktestRunner.run(BacktestRequest.of(text, "y", "t"), ProgressListener.silent()))
                .hasMessage("b.csv line 3, column 'y': expected a number, found 'two'.");
        Path nan = Files.writeString(tmp.resolve("c.csv"), "t,y\n1,2\n2,NaN\n");
        assertThatThrownBy(() -> BacktestRunner.run(BacktestRequest.of(nan, "y", "t"), ProgressListener.silent()))
                .hasMessageStartingWith("c.csv line 3, column 'y': missing value");
        Path shortFile = Files.writeString(tmp.resolve("d.csv"), "t,y\n1,2\n2,3\n3,4\n");
        assertThatThrownBy(() -> BacktestRunner.run(BacktestRequest.of(shortFile, "y", "t").withPlan(2, 1, 0),
                ProgressListener.silent()))
                .hasMessageStartingWith("d.csv line 2, column 'y': series 'y' has 3 values (up to line 4), too few");
        for (Path p : List.of(missingCol, text, nan, shortFile)) {
            boolean thrown = false;
            try {
                BacktestRunner.run(BacktestRequest.of(p, "y", "t").withPlan(2, 1, 0), ProgressListener.silent());
            } catch (IllegalArgumentException e) {
                thrown = true;
                assertThat(e.getMessage()).as("one sentence").doesNotContainPattern("\\.\\s+[A-Z]")
                        .doesNotContain("\n").endsWith(".");
            }
            assertThat(thrown).as(p.getFileName().toString()).isTrue();
        }
    }

    /** A candidate fed raw values, as a recurrent model without its z-score would be. */
    private static final class RawCandidate implements dev.rnn4j.forecast.model.Forecaster {
        private final dev.rnn4j.forecast.model.Scaling scaling;

        RawCandidate(dev.rnn4j.forecast.model.Scaling scaling) {
            this.scaling = scaling;
        }

        @Override
        public String name() {
            return "rnn";
        }

        @Override
        public dev.rnn4j.forecast.model.Scaling inputScaling() {
            return scaling;
        }

        @Override
        public Fitted fit(List<dev.rnn4j.forecast.data.TimeSeries> training, dev.rnn4j.forecast.model.FitContext c) {
            return new dev.rnn4j.forecast.model.NaiveForecaster().fit(training, c);
        }
    }

    @Test
    void rawInputsThatWouldSaturateGatesAreWarnedAboutByColumn() throws Exception {
        BacktestRequest raw = BacktestRequest.demo(null).withBaselines(List.of("naive"))
                .withCandidates(List.of(new RawCandidate(dev.rnn4j.forecast.model.Scaling.NONE)));
        assertThat(BacktestRunner.run(raw, ProgressListener.silent()).result().warnings()).singleElement().asString()
                .startsWith("Column 'sunspots' (series 'sunspots') reaches |x| = 254 unscaled");
        BacktestRequest scaled = raw.withCandidates(List.of(new RawCandidate(dev.rnn4j.forecast.model.Scaling.ZSCORE)));
        assertThat(BacktestRunner.run(scaled, ProgressListener.silent()).result().warnings()).isEmpty();
    }

    @Test
    void aShuffledSplitIsRefused() {
        assertThatThrownBy(() -> BacktestRunner.run(BacktestRequest.demo(null).withShuffle(true), ProgressListener.silent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trains on the future");
    }

    @Test
    void unknownBaselineIsNamed() {
        assertThatThrownBy(() -> BacktestRunner.run(BacktestRequest.demo(null).withBaselines(List.of("arima")),
                ProgressListener.silent())).hasMessageStartingWith("Unknown baseline 'arima'; expected one of naive,");
    }
}
