package dev.rnn4j.cli;

import static dev.rnn4j.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classify train} records the drift reference in the model card; {@code model drift} finds no
 * drift on fresh data from the training distribution and raises an alert, within a bounded number
 * of steps, on the same kind of data scaled and shifted.
 */
class ModelDriftCommandTest {

    private static final int WINDOW = 300;

    @TempDir
    static Path dir;
    static Path model;

    /**
     * Instances of 3 channels, 6..15 steps, two classes (class b has channel 1 raised), drawn per
     * split: train, fresh (the same distribution) and scaled (every channel times 3, plus 1).
     */
    static Path data() throws IOException {
        SplittableRandom r = new SplittableRandom(8);
        StringBuilder sb = new StringBuilder("instance,split,label,t,d1,d2,d3\n");
        String[] splits = {"train", "fresh", "scaled"};
        for (String split : splits) {
            for (int i = 0; i < 240; i++) {
                boolean b = i % 2 == 1;
                double scale = split.equals("scaled") ? 3 : 1;
                double shift = split.equals("scaled") ? 1 : 0;
                for (int t = 0; t < 6 + i % 10; t++) {
                    sb.append(String.format(Locale.ROOT, "%s%d,%s,%s,%d,%.4f,%.4f,%.4f%n", split, i, split, b ? "b" : "a", t,
                            scale * (r.nextGaussian() + (b ? 1 : 0)) + shift, scale * r.nextGaussian() + shift,
                            scale * Math.sin(t + r.nextGaussian()) + shift));
                }
            }
        }
        Path f = dir.resolve("drift.csv");
        Files.writeString(f, sb);
        return f;
    }

    @BeforeAll
    static void train() throws IOException {
        model = dir.resolve("m");
        MainTest.Result t = run("classify", "train", "--data", data().toString(), "--model", model.toString(), "--hidden", "8",
                "--epochs", "3", "--seed", "4", "--validation", "0.25");
        assertThat(t.code()).as(t.err()).isZero();
    }

    private static JsonNode drift(String split) throws IOException {
        MainTest.Result r = run("model", "drift", "--model", model.toString(), "--data", dir.resolve("drift.csv").toString(),
                "--split", split, "--window", String.valueOf(WINDOW), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.lastLine());
    }

    @Test
    void theCardHoldsPerLayerNormQuantilesAndSaturationFromValidationData() throws IOException {
        JsonNode card = new ObjectMapper().readTree(model.resolve("config.json").toFile()).get("card");
        JsonNode layer = card.at("/drift/layers/0");
        assertThat(card.at("/drift/measured_on").asText()).isEqualTo("validation");
        assertThat(layer.get("deciles").size()).isEqualTo(9);
        assertThat(layer.get("deciles").get(0).asDouble()).isLessThanOrEqualTo(layer.get("deciles").get(8).asDouble());
        assertThat(layer.get("mean").asDouble()).isPositive();
        assertThat(layer.get("std").asDouble()).isPositive();
        assertThat(layer.get("saturation_rate").asDouble()).isBetween(0.0, 1.0);
        // 60 validation instances of 6..15 steps: every step of each is one observation
        assertThat(layer.get("count").asLong()).isBetween(60L * 6, 60L * 15);
        assertThat(card.at("/scaler/mean").size()).isEqualTo(3);
        assertThat(card.get("labels").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void freshDataFromTheTrainingDistributionRaisesNoAlert() throws IOException {
        JsonNode r = drift("fresh");
        assertThat(r.get("alert").asBoolean()).as(r.toString()).isFalse();
        JsonNode layer = r.at("/layers/0");
        assertThat(layer.get("steps").asLong()).isEqualTo(2520L); // 240 instances of 6..15 steps, 10.5 on average
        assertThat(layer.get("psi").asDouble()).as("PSI of the whole file").isLessThan(0.1);
        assertThat(layer.get("max_window_psi").asDouble()).as("highest windowed PSI").isLessThan(0.25);
        assertThat(layer.get("first_alert_step").isNull()).isTrue();
    }

    @Test
    void aScaledAndShiftedStreamAlertsWithinTwoWindows() throws IOException {
        JsonNode r = drift("scaled");
        assertThat(r.get("alert").asBoolean()).as(r.toString()).isTrue();
        JsonNode layer = r.at("/layers/0");
        assertThat(layer.get("psi").asDouble()).isGreaterThan(0.25);
        // the monitor scores nothing before a full window; after that the alert must come promptly
        assertThat(layer.get("first_alert_step").asLong()).isBetween((long) WINDOW, 2L * WINDOW);
    }

    @Test
    void aModelWithoutADriftProfileIsNamed() throws IOException {
        Path copy = dir.resolve("no-drift");
        Files.createDirectories(copy);
        for (String f : new String[] {"weights.safetensors", "classifier.json"}) {
            Files.copy(model.resolve(f), copy.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(model.resolve("config.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("card")).remove("drift");
        Files.writeString(copy.resolve("config.json"), config.toString());
        MainTest.Result r = run("model", "drift", "--model", copy.toString(), "--data", dir.resolve("drift.csv").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("no-drift").contains("card.drift");
    }

    @Test
    void theTextReportSaysTheExitCodeStaysZero() throws IOException {
        MainTest.Result r = run("model", "drift", "--model", model.toString(), "--data", dir.resolve("drift.csv").toString(),
                "--split", "scaled");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ALERT").contains("exit code 0");
    }

    @Test
    void aForecasterOnlyOptionIsRefusedForAClassifier() {
        MainTest.Result r = run("model", "drift", "--model", model.toString(), "--data", dir.resolve("drift.csv").toString(),
                "--target", "d1");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("--target").contains("classifier");
    }
}
