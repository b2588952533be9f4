package dev.rnn4j.cli;

import static dev.rnn4j.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.SequenceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandTest {

    @TempDir
    Path dir;

    /** 40 training instances of 2 channels, lengths 3..7 (i % 5 + 3), labels x and y. */
    private Path tinyCsv() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("instance,split,label,t,d1,d2\n");
        for (int i = 0; i < 40; i++) {
            for (int t = 0; t < i % 5 + 3; t++) {
                sb.append(String.format(Locale.ROOT, "i%d,train,%s,%d,%.3f,%.3f%n", i, i % 2 == 0 ? "x" : "y", t,
                        r.nextGaussian() + (i % 2), r.nextGaussian()));
            }
        }
        Path f = dir.resolve("tiny.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void inspectReportsArchitectureCountsScalerLengthMetricsAndProvenance() throws IOException {
        Path model = dir.resolve("m");
        MainTest.Result train = run("classify", "train", "--data", tinyCsv().toString(), "--model", model.toString(),
                "--hidden", "8", "--epochs", "2", "--seed", "3", "--validation", "0.25");
        assertThat(train.code()).as(train.err()).isZero();

        MainTest.Result inspect = run("model", "inspect", "--model", model.toString(), "--json");
        assertThat(inspect.code()).as(inspect.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(inspect.lastLine());
        // GRU(2 -> 8): 3*8*(2+8) weights + 2*3*8 biases = 288; dense 8 -> 2: 16 + 2 = 18.
        assertThat(r.get("parameters").asInt()).isEqualTo(306);
        assertThat(r.at("/layers/0/cell").asText()).isEqualTo("GRU");
        assertThat(r.at("/layers/0/hidden").asInt()).isEqualTo(8);
        assertThat(r.at("/head/outputs").asInt()).isEqualTo(2);
        assertThat(r.get("max_trained_length").asInt()).isEqualTo(7);
        assertThat(r.get("labels").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(r.at("/scaler/mean").size()).isEqualTo(2);
        assertThat(r.get("file_bytes").asLong()).isEqualTo(Files.size(model.resolve("config.json"))
                + Files.size(model.resolve("weights.safetensors")) + Files.size(model.resolve("classifier.json")));
        assertThat(r.at("/metrics/validation_accuracy").isNumber()).isTrue();
        assertThat(r.at("/training/train_instances").asInt()).isEqualTo(30);
        assertThat(r.at("/provenance/seed").asLong()).isEqualTo(3);
        assertThat(r.at("/provenance/java_version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(r.at("/provenance/kernels").asText()).isNotBlank();

        MainTest.Result text = run("model", "inspect", "--model", model.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("2 inputs -> GRU(8) -> dense last step(2)").contains("parameters   306")
                .contains("up to 7 steps").contains("labels       x y").contains("seed=3")
                .contains("drift ref    layer 0: output norm ").contains("(validation, " + r.at("/drift/layers/0/count").asLong() + " steps)");
        assertThat(r.at("/drift/layers/0/deciles").size()).isEqualTo(9);
    }

    @Test
    void inspectReadsAZipModelWithoutCard() throws IOException {
        Path zip = dir.resolve("m.zip");
        ModelFiles.save(SequenceModel.create(ModelConfig.builder().inputs(3).lstm(4).bidirectional().denseOnLastStep(1).build()), zip);
        MainTest.Result r = run("model", "inspect", "--model", zip.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.lastLine());
        // bidirectional LSTM(3 -> 4): 2 * (16*3 + 16*4 + 2*16) = 288; dense 8 -> 1: 9.
        assertThat(json.get("parameters").asInt()).isEqualTo(297);
        assertThat(json.get("file_bytes").asLong()).isEqualTo(Files.size(zip));
        assertThat(json.has("labels")).isFalse();
        assertThat(json.has("provenance")).isFalse();
    }

    @Test
    void quantizeWritesASmallerInt8ModelAndReportsAccuracyBeforeAndAfter() throws IOException {
        Path data = tinyCsv();
        Path model = dir.resolve("m");
        Path int8 = dir.resolve("m8");
        assertThat(run("classify", "train", "--data", data.toString(), "--model", model.toString(), "--hidden", "32",
                "--epochs", "3", "--validation", "0").code()).isZero();
        MainTest.Result q = run("model", "quantize", "--in", model.toString(), "--out", int8.toString(), "--data", data.toString(),
                "--split", "train", "--json");
        assertThat(q.code()).as(q.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(q.lastLine());
        assertThat(r.get("weights_bytes_before").asLong()).isEqualTo(Files.size(model.resolve("weights.safetensors")));
        assertThat(r.get("weights_bytes_after").asLong()).isEqualTo(Files.size(int8.resolve("weights.safetensors")));
        assertThat(r.get("ratio").asDouble()).isGreaterThan(2.0);
        assertThat(r.get("n").asInt()).isEqualTo(40);
        // The float32 accuracy is what classify eval reports for the same split.
        MainTest.Result eval = run("classify", "eval", "--data", data.toString(), "--model", model.toString(), "--split", "train",
                "--json");
        assertThat(r.get("accuracy_before").asDouble()).isEqualTo(new ObjectMapper().readTree(eval.lastLine()).get("accuracy").asDouble());
        assertThat(r.get("accuracy_after").asDouble()).isBetween(0.0, 1.0);
        assertThat(Files.readString(int8.resolve("config.json"))).contains("\"quantization\"").contains("\"max_trained_length\"");
        assertThat(int8.resolve("classifier.json")).exists();
        // The int8 model loads back: classify eval scores it as quantize did, inspect describes it.
        MainTest.Result eval8 = run("classify", "eval", "--data", data.toString(), "--model", int8.toString(), "--split", "train",
                "--json");
        assertThat(eval8.code()).as(eval8.err()).isZero();
        assertThat(new ObjectMapper().readTree(eval8.lastLine()).get("accuracy").asDouble()).isEqualTo(r.get("accuracy_after").asDouble());
        MainTest.Result inspect8 = run("model", "inspect", "--model", int8.toString());
        assertThat(inspect8.code()).as(inspect8.err()).isZero();
        assertThat(inspect8.out()).contains("int8, symmetric, one float32 scale per row for 3 weight matrices");
    }

    @Test
    void inspectOfAMissingModelIsOneSentence() {
        MainTest.Result r = run("model", "inspect", "--model", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("nope").contains("does not exist");
    }

    @Test
    void inspectDescribesAnEncoderDecoder() throws IOException {
        Path pairs = dir.resolve("pairs.tsv");
        Path model = dir.resolve("s2s");
        assertThat(run("seq2seq", "generate-task", "--task", "reverse", "--count", "200", "--min-len", "1", "--max-len", "5",
                "--seed", "1", "--out", pairs.toString()).code()).isZero();
        MainTest.Result train = run("seq2seq", "train", "--data", pairs.toString(), "--model", model.toString(), "--cell", "gru",
                "--hidden", "4", "--embedding", "3", "--epochs", "1");
        assertThat(train.code()).as(train.err()).isZero();

        MainTest.Result inspect = run("model", "inspect", "--model", model.toString(), "--json");
        assertThat(inspect.code()).as(inspect.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(inspect.lastLine());
        JsonNode config = new ObjectMapper().readTree(model.resolve("config.json").toFile());
        int s = config.at("/vocabularies/source/symbols").size();
        int v = config.at("/vocabularies/target/symbols").size();
        // embeddings S*3 and V*3; encoder and decoder GRU(3 -> 4): 3*4*(3+4) + 2*3*4 = 108 each (equal widths: no bridge);
        // no attention; output dense 4 -> V: 4V + V.
        assertThat(r.get("kind").asText()).isEqualTo("seq2seq");
        assertThat(r.get("parameters").asInt()).isEqualTo(3 * s + 3 * v + 2 * 108 + 5 * v);
        assertThat(r.get("max_trained_length").asInt()).isEqualTo(5);
        assertThat(r.at("/architecture/cell").asText()).isEqualTo("gru");

        MainTest.Result text = run("model", "inspect", "--model", model.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("encoder GRU(4)").contains("decoder GRU(4)").contains("sources of up to 5 characters");
    }
}
