package dev.rnn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.io.ModelFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rnn4j text train|eval|generate} end to end on a bundled Shakespeare excerpt, and its errors on bad input. */
class TextCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SMALL = {"--hidden", "32", "--layers", "2", "--batch", "8", "--bptt", "32", "--epochs", "3",
        "--lr", "0.005", "--validate-every", "0", "--threads", "2"};

    @TempDir
    static Path dir;

    static Path text;
    static Path model;
    static JsonNode trained;
    static MainTest.Result training;

    @BeforeAll
    static void trainOnce() throws Exception {
        text = resource("shakespeare.txt");
        model = dir.resolve("model");
        List<String> args = new ArrayList<>(List.of("text", "train", "--data", text.toString(), "--model", model.toString(), "--json"));
        args.addAll(List.of(SMALL));
        training = MainTest.run(args.toArray(String[]::new));
        assertThat(training.code()).as(training.err()).isZero();
        trained = JSON.readTree(training.lastLine());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TextCommandTest.class.getResource("/text/" + name).toURI());
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void trainValidatesOnTheLastTenthOnceAnEpochAndSavesTheVocabulary() throws Exception {
        assertThat(trained.get("stopped_by").asText()).isEqualTo("epochs");
        assertThat(training.err()).contains("text train: 7161 train / 796 validation characters");
        assertThat(training.err().lines().filter(l -> l.startsWith("step ")).count()).isEqualTo(3);
        // Better than a uniform guess over the excerpt's characters after three epochs.
        JsonNode config = JSON.readTree(model.resolve(ModelFile.CONFIG).toFile());
        int vocabulary = config.at("/card/char_lm/vocabulary/symbols").size();
        assertThat(vocabulary).isEqualTo(config.get("inputSize").asInt());
        assertThat(trained.get("nats_per_char").asDouble()).isLessThan(Math.log(vocabulary));
        assertThat(trained.get("bits_per_char").asDouble()).isCloseTo(trained.get("nats_per_char").asDouble() / Math.log(2), within(1e-9));
        assertThat(config.at("/card/metrics/validation_nats_per_char").asDouble()).isEqualTo(trained.get("nats_per_char").asDouble());
    }

    @Test
    void evalOfTheValidationTailReproducesTheTrainingScore() throws Exception {
        String all = Files.readString(text);
        Path tail = write("tail.txt", all.substring(7161));
        MainTest.Result r = MainTest.run("text", "eval", "--data", tail.toString(), "--model", model.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.lastLine());
        assertThat(j.get("characters").asInt()).isEqualTo(796);
        assertThat(j.get("predictions").asInt()).isEqualTo(795);
        assertThat(j.get("nats_per_char").asDouble()).isCloseTo(trained.get("nats_per_char").asDouble(), within(1e-9));
        assertThat(j.get("bits_per_char").asDouble()).isCloseTo(j.get("nats_per_char").asDouble() / Math.log(2), within(1e-12));
    }

    @Test
    void evalHeldOutScoresTheSameTailTrainingHeldOut() throws Exception {
        MainTest.Result r = MainTest.run("text", "eval", "--data", text.toString(), "--held-out", "--model", model.toString(),
                "--json", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.lastLine());
        assertThat(j.get("characters").asInt()).isEqualTo(796);
        assertThat(j.get("nats_per_char").asDouble()).isCloseTo(trained.get("nats_per_char").asDouble(), within(1e-9));
    }

    @Test
    void generatePrintsTheSeedTextThenTheRequestedNumberOfCharacters() {
        MainTest.Result a = MainTest.run("text", "generate", "--model", model.toString(), "--seed-text", "First ",
                "--length", "80", "--top-k", "1", "--seed", "1");
        MainTest.Result b = MainTest.run("text", "generate", "--model", model.toString(), "--seed-text", "First ",
                "--length", "80", "--top-k", "1", "--seed", "2", "--temperature", "0.5");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).startsWith("First ");
        // seed text, 80 characters, a closing newline
        assertThat(a.out().codePointCount(0, a.out().length())).isEqualTo(6 + 80 + System.lineSeparator().length());
        assertThat(b.out()).as("top-k 1 is greedy: seed and temperature do not matter").isEqualTo(a.out());

        MainTest.Result sampled = MainTest.run("text", "generate", "--model", model.toString(), "--length", "200", "--seed", "3");
        MainTest.Result again = MainTest.run("text", "generate", "--model", model.toString(), "--length", "200", "--seed", "3");
        assertThat(sampled.code()).as(sampled.err()).isZero();
        assertThat(again.out()).isEqualTo(sampled.out());
    }

    @Test
    void anEmptyTrainingFileIsRefusedByName() throws Exception {
        Path empty = write("empty.txt", "");
        MainTest.Result r = MainTest.run("text", "train", "--data", empty.toString(), "--model", dir.resolve("m2").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).isEqualTo("rnn4j: " + empty + " is empty; a character model needs text to read." + System.lineSeparator());
    }

    @Test
    void aCharacterTheModelNeverSawIsAnErrorNamingFileLineAndColumn() throws Exception {
        Path odd = write("odd.txt", "First Citizen:\nBefore we proceed~\n");
        MainTest.Result r = MainTest.run("text", "eval", "--data", odd.toString(), "--model", model.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).startsWith("rnn4j: " + odd + " line 2 column 18: character '~' (U+007E) is not in the model's ");
    }

    @Test
    void aTextTooShortForTheBatchIsRefusedWithWhatToChange() throws Exception {
        Path small = write("small.txt", "To be, or not to be, that is the question.\n");
        MainTest.Result r = MainTest.run("text", "train", "--data", small.toString(), "--model", dir.resolve("m3").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("too few for --batch 64 streams of --bptt 100 characters; lower them.");
    }

    @Test
    void aOneCharacterValidationFileIsRefusedByName() throws Exception {
        Path one = write("one.txt", "F");
        MainTest.Result r = MainTest.run("text", "train", "--data", text.toString(), "--valid", one.toString(),
                "--model", dir.resolve("m5").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).isEqualTo("rnn4j: " + one + " has 1 character; validation needs at least 2 (the first one is only "
                + "context)." + System.lineSeparator());
    }

    @Test
    void aVanillaRnnCellIsRefused() {
        MainTest.Result r = MainTest.run("text", "train", "--data", text.toString(), "--model", dir.resolve("m4").toString(),
                "--cell", "rnn");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--cell must be lstm or gru for a character model, got rnn.");
    }

    @Test
    void textWithoutAnActionSaysWhichOnesExist() {
        MainTest.Result r = MainTest.run("text");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Missing action: choose one of train, eval, generate.");
    }
}
