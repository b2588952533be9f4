package dev.rnn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rnn4j seq2seq} end to end on a small generated reversal task, and its errors on bad input. */
class Seq2seqCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path train;
    static Path test;
    static Path model;
    static JsonNode trained;

    @BeforeAll
    static void trainOnce() throws Exception {
        train = dir.resolve("train.tsv");
        test = dir.resolve("test.tsv");
        model = dir.resolve("model");
        ok("seq2seq", "generate-task", "--task", "reverse", "--count", "1500", "--min-len", "1", "--max-len", "5", "--seed", "1",
                "--out", train.toString());
        ok("seq2seq", "generate-task", "--task", "reverse", "--count", "200", "--min-len", "2", "--max-len", "5", "--seed", "2",
                "--exclude", train.toString(), "--out", test.toString());
        trained = JSON.readTree(ok("seq2seq", "train", "--data", train.toString(), "--dev", test.toString(), "--model",
                model.toString(), "--hidden", "32", "--embedding", "16", "--attention", "dot", "--epochs", "8", "--batch", "32",
                "--lr", "0.01", "--sampling", "linear", "--sampling-c", "0.002", "--sampling-min", "0.7", "--json").lastLine());
    }

    private static MainTest.Result ok(String... args) {
        MainTest.Result r = MainTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    @Test
    void generatedTestPairsAreDisjointFromTrainingAndCorrect() throws Exception {
        List<String> trainLines = Files.readAllLines(train);
        List<String> testLines = Files.readAllLines(test);
        assertThat(trainLines).hasSize(1500);
        assertThat(testLines).hasSize(200);
        List<String> trainSources = trainLines.stream().map(l -> l.split("\t")[0]).toList();
        for (String line : testLines) {
            String[] f = line.split("\t");
            assertThat(trainSources).doesNotContain(f[0]);
            assertThat(f[1]).isEqualTo(new StringBuilder(f[0]).reverse().toString());
        }
    }

    @Test
    void trainingLearnsToReverseShortStrings() throws Exception {
        assertThat(trained.get("dev_exact_match").asDouble()).isGreaterThan(0.9);
        assertThat(Files.exists(model.resolve("config.json"))).isTrue();
        JsonNode config = JSON.readTree(model.resolve("config.json").toFile());
        assertThat(config.get("kind").asText()).isEqualTo("seq2seq");
        assertThat(config.at("/seq2seq/longest_trained_source").asInt()).isEqualTo(5);
        assertThat(config.at("/vocabularies/target/symbols/0").asText()).isEqualTo("<s>");
        assertThat(config.at("/card/training/sampling").asText()).isEqualTo("linear");
        assertThat(config.at("/card/training/sampling_min").asDouble()).isEqualTo(0.7);
        assertThat(config.at("/card/metrics/dev_exact_match").asDouble()).isEqualTo(trained.get("dev_exact_match").asDouble());
        assertThat(config.at("/card/provenance").isObject()).isTrue();
    }

    @Test
    void evalReportsExactMatchByRangeAndBeamSearchAgreesClosely() throws Exception {
        JsonNode greedy = JSON.readTree(ok("seq2seq", "eval", "--model", model.toString(), "--data", test.toString(), "--json")
                .lastLine());
        JsonNode beam = JSON.readTree(ok("seq2seq", "eval", "--model", model.toString(), "--data", test.toString(), "--beam", "3",
                "--json").lastLine());
        assertThat(greedy.get("n").asInt()).isEqualTo(200);
        assertThat(greedy.get("exact_match").asDouble()).isEqualTo(trained.get("dev_exact_match").asDouble());
        assertThat(greedy.get("n_beyond").asInt()).isZero();
        assertThat(greedy.get("exact_match_beyond").isNull()).isTrue();
        assertThat(beam.get("exact_match").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void predictWritesOneTranslationPerSource() throws Exception {
        Path sources = dir.resolve("sources.txt");
        Files.writeString(sources, "abc\n\nzyxw\tignored\n");
        MainTest.Result r = ok("seq2seq", "predict", "--model", model.toString(), "--data", sources.toString());
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("abc\t");
        assertThat(lines.get(1)).startsWith("zyxw\t");
    }

    @Test
    void aLineWithoutATabIsAnErrorNamingFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "ab\tba\nabc cba\n");
        MainTest.Result r = MainTest.run("seq2seq", "train", "--data", bad.toString(), "--model", dir.resolve("never").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(bad + ":2: expected source<TAB>target, got a line with no tab.");
        assertThat(Files.exists(dir.resolve("never"))).isFalse();
    }

    @Test
    void anEmptyFileAndAnUnknownTargetCharacterAreErrors() throws Exception {
        Path empty = dir.resolve("empty.tsv");
        Files.writeString(empty, "\n");
        MainTest.Result r = MainTest.run("seq2seq", "eval", "--model", model.toString(), "--data", empty.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(empty + ": expected source<TAB>target lines, got an empty file.");
        Path digits = dir.resolve("digits.tsv");
        Files.writeString(digits, "ab\tba\nab\t12\n");
        r = MainTest.run("seq2seq", "eval", "--model", model.toString(), "--data", digits.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(digits + ":2: target character '1' was not seen in training");
    }

    @Test
    void aBidirectionalDecoderCannotBeAskedForAndBadOptionsAreUsageErrors() {
        MainTest.Result r = MainTest.run("seq2seq", "train", "--data", train.toString(), "--model", dir.resolve("x").toString(),
                "--attention", "dot", "--hidden", "8", "--decoder-hidden", "12");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("dot attention needs the encoder output width (8) to equal decoderHidden (12)");
        r = MainTest.run("seq2seq", "train", "--data", train.toString(), "--model", dir.resolve("x").toString(), "--sampling", "cosine");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--sampling must be none, linear, exponential or inverse-sigmoid, got 'cosine'.");
    }
}
