package dev.rnn4j.forecast.rnn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.forecast.data.CsvSeriesReader;
import dev.rnn4j.forecast.data.CsvSpec;
import dev.rnn4j.forecast.data.FillPolicy;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.model.FitContext;
import dev.rnn4j.monitor.DriftMonitor;
import dev.rnn4j.monitor.LayerActivity;
import dev.rnn4j.monitor.NormProfile;
import dev.rnn4j.nn.CellType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The forecaster's drift profile on the bundled Mauna Loa CO2 series (468 months): written at
 * training time from the first member's validation windows, kept by the model file, quiet on the
 * training series itself and loud on the series tripled.
 */
class RnnDriftTest {

    private static final int H = 12;
    private static final int LOOKBACK = 24;
    /** One small member, lookback 24: a second or two of training. */
    private static final RnnConfig SMALL = new RnnConfig(CellType.GRU, 8, 1, false, LOOKBACK, 1, 10, 32, 1e-2, 3, 2000, 1);

    @TempDir
    static Path dir;
    static TimeSeries co2;
    static TrainedRnn trained;

    @BeforeAll
    static void train() throws IOException {
        try (var in = new InputStreamReader(RnnDriftTest.class.getResourceAsStream("/r_datasets/co2.csv"), StandardCharsets.UTF_8)) {
            co2 = CsvSeriesReader.read(in, "co2.csv", new CsvSpec(List.of("value"), "time", null, List.of(), 12, FillPolicy.ERROR))
                    .series().get(0);
        }
        trained = TrainedRnn.train(new RnnForecaster(SMALL), List.of(co2), new FitContext(H, 12, 5));
    }

    /** PSI of the whole stream of {@code windows} against the profile, layer 0. */
    private static double psi(TrainedRnn model, List<Sequence> windows) {
        NormProfile profile = LayerActivity.fromJson(model.drift())[0];
        double[] bins = new double[NormProfile.BINS];
        LayerActivity.run(RnnDrift.model(model), windows, (norm, layer) -> bins[profile.bin(norm)]++);
        return DriftMonitor.psi(bins);
    }

    private static TimeSeries times(TimeSeries s, double factor) {
        return s.withValues(Arrays.stream(s.valuesView()).map(v -> v * factor).toArray());
    }

    @Test
    void theProfileDescribesTheFirstMembersValidationWindows() {
        assertThat(co2.length()).isEqualTo(468);
        JsonNode drift = trained.drift();
        assertThat(drift.get("measured_on").asText()).isEqualTo("validation");
        assertThat(drift.get("member").asInt()).isZero();
        assertThat(drift.get("lookback").asInt()).isEqualTo(LOOKBACK);
        assertThat(drift.get("layers")).hasSize(1);
        // one series of 468: the validation windows cover the last h + 468/10 = 58 targets, 24 steps each
        assertThat(drift.at("/layers/0/count").asLong()).isEqualTo(58L * LOOKBACK);
        assertThat(drift.at("/layers/0/deciles")).hasSize(9);
        assertThat(drift.at("/layers/0/mean").asDouble()).isPositive();
    }

    @Test
    void theProfileSurvivesSaveAndLoad() throws IOException {
        Path file = dir.resolve("saved");
        RnnModelFile.save(file, trained);
        TrainedRnn loaded = RnnModelFile.load(file);
        // JSON numbers may come back as other node types: compare the text and the parsed profiles
        assertThat(loaded.drift()).hasToString(trained.drift().toString());
        assertThat(LayerActivity.fromJson(loaded.drift())).containsExactly(LayerActivity.fromJson(trained.drift()));
        assertThat(loaded.fitted().card()).isEqualTo(trained.fitted().card());
        assertThat(loaded.forecast(List.of(co2), H).get(0)).containsExactly(trained.forecast(List.of(co2), H).get(0));
        JsonNode config = new ObjectMapper().readTree(file.resolve("config.json").toFile());
        assertThat(config.at("/model_card/drift/layers/0/deciles").isArray()).isTrue();
        assertThat(config.at("/model_card/architecture").isTextual()).isTrue();
    }

    @Test
    void aFileSavedBeforeProfilesExistedStillLoadsWithoutOne() throws IOException {
        Path file = dir.resolve("old");
        RnnModelFile.save(file, trained);
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(file.resolve("config.json").toFile());
        ((ObjectNode) config.get("model_card")).remove("drift");
        Files.writeString(file.resolve("config.json"), config.toString());
        TrainedRnn loaded = RnnModelFile.load(file);
        assertThat(loaded.drift()).isNull();
        assertThat(loaded.fitted().card()).isEqualTo(trained.fitted().card());
    }

    @Test
    void windowsComeOldestFirstOverTheWholeSeries() {
        List<Sequence> w = RnnDrift.windows(trained, List.of(co2));
        // every start from 0 to 468 - 24 - 12 = 432: the windows with a full horizon after them
        assertThat(w).hasSize(433);
        assertThat(w.get(0).id()).isEqualTo("value@0");
        assertThat(w.get(432).id()).isEqualTo("value@432");
        assertThat(w.get(0).length()).isEqualTo(LOOKBACK);
    }

    @Test
    void theTrainingSeriesStaysCloseAndTheSeriesTripledDrifts() {
        double same = psi(trained, RnnDrift.windows(trained, List.of(co2)));
        double tripled = psi(trained, RnnDrift.windows(trained, List.of(times(co2, 3))));
        assertThat(same).isLessThan(0.1);
        assertThat(tripled).isGreaterThan(0.25);
    }

    @Test
    void aSeriesWithoutAScalerIsNamed() {
        TimeSeries other = TimeSeries.of("sunspots", 12, co2.valuesView());
        assertThatThrownBy(() -> RnnDrift.windows(trained, List.of(other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sunspots'").hasMessageContaining("[value]");
    }

    @Test
    void aSeriesNoLongerThanTheHorizonIsRefused() {
        TimeSeries shortOne = co2.head(H);
        assertThatThrownBy(() -> RnnDrift.windows(trained, List.of(shortOne)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'value' has 12 values").hasMessageContaining("horizon 12");
    }
}
