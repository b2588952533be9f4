package dev.rnn4j.forecast.bench;

import dev.rnn4j.forecast.model.Forecaster;
import dev.rnn4j.forecast.model.Naive2Forecaster;
import dev.rnn4j.forecast.model.SeasonalNaiveForecaster;
import dev.rnn4j.forecast.model.ThetaForecaster;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The competition protocol against published figures: reproducing M3's Naive2 and Theta and
 * Tourism's seasonal naive and Theta shows that reading, protocol and metrics are right. The data
 * is too big to bundle; these tests look for it under data/m3 and data/tourism of a "shared"
 * directory beside or above the project root (or -Drnn4j.data.dir) and skip without it.
 */
class CompetitionBenchmarkTest {

    private static Optional<Path> dataDir(String suite) {
        String explicit = System.getProperty("rnn4j.data.dir", "");
        Path root = Path.of(System.getProperty("rnn4j.root.dir", ".")).toAbsolutePath();
        return Stream.of(explicit.isEmpty() ? null : Path.of(explicit), root.resolve("shared/data"),
                        root.resolveSibling("shared").resolve("data"))
                .filter(java.util.Objects::nonNull).map(p -> p.resolve(suite)).filter(Files::isDirectory).findFirst();
    }

    @Test
    void m3Naive2AndThetaMatchThePublishedSmape() throws Exception {
        Optional<Path> dir = dataDir("m3");
        assumeTrue(dir.isPresent(), "M3 data not found");
        List<Forecaster> models = List.of(new Naive2Forecaster(), new ThetaForecaster());
        BenchmarkResult r = CompetitionBenchmark.run(Suite.M3, dir.get(), models, 1, p -> { });
        assertThat(r.overall("naive2").series()).isEqualTo(3003);
        assertThat(r.overall("naive2").smape()).isCloseTo(14.74, within(0.1));
        assertThat(r.overall("theta").smape()).isCloseTo(12.76, within(0.1));
        assertThat(r.scores().get("naive2").get(0).smape()).as("yearly Naive2 is plain naive").isCloseTo(17.88, within(0.01));
        assertThat(r.reference()).extracting(ReferenceRow::method).contains("THETA", "NAIVE2", "ForecastPro");
    }

    @Test
    void tourismSeasonalNaiveAndThetaMatchThePublishedMase() throws Exception {
        Optional<Path> dir = dataDir("tourism");
        assumeTrue(dir.isPresent(), "Tourism data not found");
        List<Forecaster> models = List.of(new SeasonalNaiveForecaster(), new ThetaForecaster());
        BenchmarkResult r = CompetitionBenchmark.run(Suite.TOURISM, dir.get(), models, 1, p -> { });
        assertThat(r.periods()).containsExactly("MONTHLY", "QUARTERLY", "YEARLY");
        double[] snaive = {1.63, 1.70, 3.01};
        double[] theta = {1.65, 1.66, 2.73};
        for (int p = 0; p < 3; p++) {
            assertThat(r.scores().get("seasonal_naive").get(p).mase()).isCloseTo(snaive[p], within(0.006));
            assertThat(r.scores().get("theta").get(p).mase()).isCloseTo(theta[p], within(0.006));
        }
        assertThat(BenchmarkTable.format(r)).contains("published Theta");
    }
}
