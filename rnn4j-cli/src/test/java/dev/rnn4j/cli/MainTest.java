package dev.rnn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one command line. */
    record Result(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Two classes of 3-channel sequences (lengths 4..9): class b has its first channel shifted up. */
    private Path separableLongCsv() throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder("instance,split,label,t,d1,d2,d3\n");
        for (int i = 0; i < 120; i++) {
            String split = i < 80 ? "train" : "test";
            String label = i % 2 == 0 ? "a" : "b";
            int len = 4 + r.nextInt(6);
            for (int t = 0; t < len; t++) {
                double shift = label.equals("b") ? 1.5 : 0;
                sb.append(String.format(Locale.ROOT, "i%d,%s,%s,%d,%.4f,%.4f,%.4f%n", i, split, label, t,
                        r.nextGaussian() * 0.5 + shift, r.nextGaussian(), r.nextGaussian()));
            }
        }
        Path f = dir.resolve("toy.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void classifyTrainEvalPredictRoundTrip() throws IOException {
        Path data = separableLongCsv();
        Path model = dir.resolve("model");
        Result train = run("classify", "train", "--data", data.toString(), "--model", model.toString(), "--epochs", "30",
                "--lr", "0.01", "--hidden", "8", "--seed", "3", "--threads", "2", "--json");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(model.resolve("config.json")).exists();
        assertThat(model.resolve("weights.safetensors")).exists();
        assertThat(model.resolve("classifier.json")).exists();

        Result eval = run("classify", "eval", "--data", data.toString(), "--model", model.toString(), "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(eval.lastLine());
        assertThat(json.get("n").asInt()).isEqualTo(40);
        assertThat(json.get("accuracy").asDouble()).isGreaterThan(0.85);
        assertThat(json.get("confusion").size()).isEqualTo(2);

        Path preds = dir.resolve("preds.csv");
        Result predict = run("classify", "predict", "--data", data.toString(), "--model", model.toString(), "--split", "test",
                "--out", preds.toString());
        assertThat(predict.code()).as(predict.err()).isZero();
        assertThat(Files.readAllLines(preds)).hasSize(41).first().isEqualTo("instance,label");
    }

    @Test
    void classifyTrainsAResidualLayerNormStackAndSavesItsNorms() throws IOException {
        Path data = separableLongCsv();
        Path model = dir.resolve("deep");
        Result train = run("classify", "train", "--data", data.toString(), "--model", model.toString(), "--epochs", "20",
                "--lr", "0.01", "--hidden", "8", "--layers", "3", "--residual", "--layer-norm", "--seed", "3", "--json");
        assertThat(train.code()).as(train.err()).isZero();
        JsonNode config = new ObjectMapper().readTree(model.resolve("config.json").toFile());
        assertThat(config.get("residual").asBoolean()).isTrue();
        assertThat(config.get("layerNorm").asBoolean()).isTrue();
        Result eval = run("classify", "eval", "--data", data.toString(), "--model", model.toString(), "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(new ObjectMapper().readTree(eval.lastLine()).get("accuracy").asDouble()).isGreaterThan(0.85);
    }

    @Test
    void residualOnTooShallowAStackIsAUsageError() throws IOException {
        Path data = separableLongCsv();
        Result r = run("classify", "train", "--data", data.toString(), "--model", dir.resolve("m").toString(),
                "--layers", "2", "--residual");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--layers 2").contains("at least 3 layers");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    private void assertBadInput(String csv, String... expectedInMessage) throws IOException {
        Path data = dir.resolve("bad.csv");
        Files.writeString(data, csv);
        Path model = dir.resolve("never");
        Result r = run("classify", "train", "--data", data.toString(), "--model", model.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("rnn4j: ").contains(data.toString()).contains(expectedInMessage).doesNotContain("Exception");
        assertThat(model).doesNotExist();
    }

    @Test
    void aMissingLabelColumnIsOneSentenceWithFileLineAndColumn() throws IOException {
        assertBadInput("instance,split,t,d1\na,train,0,1\n", "line 1, column label");
    }

    @Test
    void anInstanceWithNoRowsIsOneSentence() throws IOException {
        assertBadInput("instance,split,label,t,d1\na,train,x,0,1\nb,train,y,,\n", "line 3, column t", "no rows");
    }

    @Test
    void aNonNumericFeatureIsOneSentence() throws IOException {
        assertBadInput("instance,split,label,t,d1,d2\na,train,x,0,1,oops\n", "line 2, column d2", "expected a number, got 'oops'");
    }

    @Test
    void aNanFeatureIsOneSentence() throws IOException {
        assertBadInput("instance,split,label,t,d1,d2\na,train,x,0,1,2\na,train,x,1,nan,2\n", "line 3, column d1", "finite");
    }

    @Test
    void aMissingFileIsAnIoError() {
        Result r = run("classify", "train", "--data", dir.resolve("nope.csv").toString(), "--model", dir.resolve("m").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(r.err()).contains("nope.csv").doesNotContain("at dev.rnn4j");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path data = dir.resolve("bad.csv");
        Files.writeString(data, "instance,split,t,d1\n");
        Result r = run("classify", "train", "--data", data.toString(), "--model", dir.resolve("m").toString(), "--verbose");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("at dev.rnn4j");
    }

    @Test
    void badUsageExitsWithTheUsageCode() {
        assertThat(run("lab", "adding", "--cell", "transformer").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("lab", "adding", "--no-such-option").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("lab", "adding", "--threads", "0").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void addingLabPrintsTheMseAndJson() throws IOException {
        Result r = run("lab", "adding", "--cell", "gru", "--length", "10", "--hidden", "4", "--train-size", "64",
                "--test-size", "32", "--epochs", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.lastLine());
        assertThat(json.get("test_mse").asDouble()).isPositive();
        assertThat(json.get("baseline_mse").asDouble()).isEqualTo(1.0 / 6.0);
        assertThat(json.has("seconds")).isTrue();
        Result plain = run("lab", "adding", "--cell", "rnn", "--length", "10", "--hidden", "4", "--train-size", "64",
                "--test-size", "32", "--epochs", "1");
        assertThat(plain.lastLine()).matches("test_mse=[0-9.]+");
    }

    @Test
    void gradientsLabWritesCsvAndPng() throws IOException {
        Path csv = dir.resolve("g.csv");
        Result r = run("lab", "gradients", "--length", "30", "--hidden", "8", "--batch", "4", "--train-size", "32",
                "--epochs", "1", "--out", csv.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(31).first().asString()
                .isEqualTo("distance,rnn_untrained,rnn_trained,lstm_untrained,lstm_trained,gru_untrained,gru_trained");
        byte[] png = Files.readAllBytes(dir.resolve("g.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
