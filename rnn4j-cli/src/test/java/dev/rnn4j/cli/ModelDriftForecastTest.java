package dev.rnn4j.cli;

import static dev.rnn4j.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forecast train} records the first member's drift profile; {@code model drift} on a
 * forecaster reads series like {@code forecast predict}, stays quiet on the training file and
 * alerts on the same series tripled, and names what it cannot watch.
 */
class ModelDriftForecastTest {

    /** The default: about 42 of the forecaster's 24-step windows, so that overlapping windows of one stretch do not dominate. */
    private static final int WINDOW = 1000;

    @TempDir
    static Path dir;
    static Path model;

    /** Ten years of two noisy monthly seasonal series, long format, every value times {@code factor}; ids as given. */
    static Path series(String name, double factor, int months, String... ids) throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("store,month,value\n");
        for (int s = 0; s < ids.length; s++) {
            for (int t = 0; t < months; t++) {
                double v = 200 + 50 * s + 30 * Math.sin(2 * Math.PI * t / 12 + s) + 8 * r.nextGaussian();
                sb.append(String.format(Locale.ROOT, "%s,%d-%02d,%.3f%n", ids[s], 2010 + t / 12, t % 12 + 1, factor * v));
            }
        }
        Path f = dir.resolve(name + ".csv");
        Files.writeString(f, sb);
        return f;
    }

    @BeforeAll
    static void train() throws IOException {
        model = dir.resolve("forecaster");
        MainTest.Result t = run("forecast", "train", "--data", series("train", 1, 120, "a", "b").toString(), "--target", "value",
                "--time", "month", "--series", "store", "--model", model.toString(), "--hidden", "8", "--ensemble", "1",
                "--epochs", "5", "--seed", "2");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("drift profile: member 0");
    }

    private static MainTest.Result drift(Path data, String... more) {
        List<String> a = new ArrayList<>(List.of("model", "drift", "--model", model.toString(), "--data", data.toString(),
                "--target", "value", "--time", "month", "--series", "store", "--window", String.valueOf(WINDOW)));
        a.addAll(List.of(more));
        return run(a.toArray(String[]::new));
    }

    private static JsonNode json(MainTest.Result r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.lastLine());
    }

    @Test
    void theCardHoldsTheFirstMembersProfileFromValidationWindows() throws IOException {
        JsonNode card = new ObjectMapper().readTree(model.resolve("config.json").toFile()).get("model_card");
        assertThat(card.at("/drift/measured_on").asText()).isEqualTo("validation");
        assertThat(card.at("/drift/member").asInt()).isZero();
        // horizon 12 (one season), lookback 24; two series of 120: each holds out its last 12 + 12 targets
        assertThat(card.at("/drift/lookback").asInt()).isEqualTo(24);
        assertThat(card.at("/drift/layers/0/count").asLong()).isEqualTo(2L * 24 * 24);
        assertThat(card.at("/drift/layers/0/deciles")).hasSize(9);
        assertThat(card.get("architecture").isTextual()).isTrue();
    }

    @Test
    void theTrainingFileRaisesNoAlert() throws IOException {
        JsonNode r = json(drift(dir.resolve("train.csv"), "--json"));
        assertThat(r.get("kind").asText()).isEqualTo("forecaster");
        assertThat(r.get("member").asInt()).isZero();
        assertThat(r.get("series").asInt()).isEqualTo(2);
        assertThat(r.get("lookback").asInt()).isEqualTo(24);
        // every start with 24 inputs and 12 targets after them: 120 - 36 + 1 per series
        assertThat(r.get("instances").asInt()).isEqualTo(2 * 85);
        assertThat(r.get("window").asInt()).isEqualTo(WINDOW);
        assertThat(r.get("alert").asBoolean()).as(r.toString()).isFalse();
        JsonNode layer = r.at("/layers/0");
        assertThat(layer.get("steps").asLong()).isEqualTo(2L * 85 * 24);
        assertThat(layer.get("psi").asDouble()).isLessThan(0.1);
        assertThat(layer.get("max_window_psi").asDouble()).isLessThan(0.25);
        assertThat(layer.get("first_alert_step").isNull()).isTrue();
        assertThat(layer.get("saturation_rate").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void theSeriesTripledAlertWithinTwoWindows() throws IOException {
        JsonNode r = json(drift(series("tripled", 3, 120, "a", "b"), "--json"));
        assertThat(r.get("alert").asBoolean()).as(r.toString()).isTrue();
        JsonNode layer = r.at("/layers/0");
        assertThat(layer.get("psi").asDouble()).isGreaterThan(0.25);
        assertThat(layer.get("first_alert_step").asLong()).isBetween((long) WINDOW, 2L * WINDOW);
    }

    @Test
    void theTextReportCountsWindows() throws IOException {
        MainTest.Result r = drift(series("tripled-text", 3, 120, "a", "b"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("170 windows (lookback 24, member 0) of 2 series").contains("ALERT").contains("exit code 0");
    }

    @Test
    void aSeriesTheModelHasNoScalerForIsNamed() throws IOException {
        MainTest.Result r = drift(series("unknown", 1, 120, "a", "c"));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("unknown.csv").contains("'c'").contains("[a, b]");
    }

    @Test
    void aSeriesTooShortForOneWindowIsNamed() throws IOException {
        MainTest.Result r = drift(series("short", 1, 10, "a"));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("short.csv").contains("'a' has 10 values").contains("horizon 12");
    }

    @Test
    void aForecasterSavedWithoutAProfileIsNamed() throws IOException {
        Path copy = dir.resolve("no-profile");
        Files.createDirectories(copy);
        Files.copy(model.resolve("weights.safetensors"), copy.resolve("weights.safetensors"), StandardCopyOption.REPLACE_EXISTING);
        ObjectNode config = (ObjectNode) new ObjectMapper().readTree(model.resolve("config.json").toFile());
        ((ObjectNode) config.get("model_card")).remove("drift");
        Files.writeString(copy.resolve("config.json"), config.toString());
        MainTest.Result r = run("model", "drift", "--model", copy.toString(), "--data", dir.resolve("train.csv").toString(),
                "--target", "value", "--time", "month", "--series", "store");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("no-profile").contains("model_card.drift").contains("train it again");
    }

    @Test
    void aClassifierOnlyOptionIsRefusedForAForecaster() {
        MainTest.Result r = drift(dir.resolve("train.csv"), "--split", "test");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--split").contains("forecaster");
    }

    @Test
    void inspectDescribesTheForecaster() throws IOException {
        JsonNode r = json(run("model", "inspect", "--model", model.toString(), "--json"));
        assertThat(r.get("kind").asText()).isEqualTo("forecaster");
        assertThat(r.get("series")).extracting(JsonNode::asText).containsExactly("a", "b");
        JsonNode member = r.get("members").get(0);
        assertThat(r.get("members")).hasSize(1);
        assertThat(member.at("/layers/0/cell").asText()).isEqualTo("GRU");
        int h = member.at("/layers/0/hidden").asInt();
        int in = member.get("inputs").asInt();
        int out = member.get("outputs").asInt();
        assertThat(h).isEqualTo(8);
        assertThat(out).isEqualTo(r.get("horizon").asInt());
        // PyTorch's GRU (weight_ih, weight_hh, two biases) and a dense head on the last step
        assertThat(member.get("parameters").asInt()).isEqualTo(3 * h * (in + h) + 2 * 3 * h + h * out + out);
        assertThat(r.get("parameters").asInt()).isEqualTo(member.get("parameters").asInt());
        assertThat(r.at("/drift/measured_on").asText()).isEqualTo("validation");

        MainTest.Result text = run("model", "inspect", "--model", model.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("(forecaster, format 1").contains("ahead of 2 series: a, b").contains("GRU(8)")
                .contains("drift ref").doesNotContain("incompatible");
    }
}
