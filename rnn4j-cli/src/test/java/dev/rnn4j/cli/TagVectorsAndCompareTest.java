package dev.rnn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.io.ModelFile;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rnn4j tag train} with pretrained vectors, lower-cased words, frozen vectors and threads;
 * {@code rnn4j tag eval --compare} ranking a model among other systems' outputs.
 */
class TagVectorsAndCompareTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TINY = {"--char-dim", "4", "--char-hidden", "4", "--hidden", "8", "--lr", "0.01",
        "--epochs", "2", "--patience", "2"};

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TagVectorsAndCompareTest.class.getResource("/tag/" + name).toURI());
    }

    private static MainTest.Result train(Path model, String... extra) throws URISyntaxException {
        List<String> args = new java.util.ArrayList<>(List.of("tag", "train", "--data", resource("wnut17.train.conll").toString(),
                "--dev", resource("wnut17.dev.conll").toString(), "--format", "conll", "--model", model.toString(), "--json"));
        args.addAll(List.of(TINY));
        args.addAll(List.of(extra));
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    void frozenLowerCasedVectorsStartTheEmbeddingAndStayAsLoaded() throws Exception {
        // GloVe-style text: lower case, most frequent first; "empire" and "building" occur in the training sample
        // (as "Empire" and "Building"), "zanzibar" and "quokka" do not.
        Path vectors = dir.resolve("vectors.txt");
        Files.writeString(vectors, "zanzibar 0.5 0.5 0.5\nquokka -1 0 1\nempire 1 2 3\nbuilding 0.25 -0.5 4\n");
        Path model = dir.resolve("vec-model");

        MainTest.Result r = train(model, "--vectors", vectors.toString(), "--vector-words", "1", "--lowercase", "--freeze-vectors");

        assertThat(r.code()).as(r.err()).isZero();
        // "empire", "building" (lower-cased training words) and "zanzibar" (the file's first word).
        assertThat(r.err()).contains(": 3 of ").contains(" words start from the vectors of " + vectors);
        TaggerModel m = TaggerModel.load(model);
        assertThat(m.config().wordDimension()).as("the vectors set the word size").isEqualTo(3);
        assertThat(m.encoder().wordForm().id()).isEqualTo("lower");
        assertThat(JSON.readTree(model.resolve(ModelFile.CONFIG).toFile()).at("/tagger/word_form").asText()).isEqualTo("lower");
        // The first vector word joins although training never saw it; the second does not (--vector-words 1).
        assertThat(m.encoder().words().contains("zanzibar")).isTrue();
        assertThat(m.encoder().words().contains("quokka")).isFalse();
        assertThat(m.encoder().words().contains("Empire")).as("words are lower-cased").isFalse();
        int offset = m.network().parameters().entry("word_embedding.weight").offset();
        assertThat(row(m, offset, "empire")).containsExactly(1f, 2f, 3f);
        assertThat(row(m, offset, "building")).containsExactly(0.25f, -0.5f, 4f);
        assertThat(row(m, offset, "zanzibar")).containsExactly(0.5f, 0.5f, 0.5f);
        // Lower-cased lookup at prediction: "EMPIRE" reads the row of "empire".
        assertThat(m.encoder().encodeTokens(List.of(List.of("EMPIRE"))).words()[0]).isEqualTo(m.encoder().words().indexOf("empire"));
    }

    private static float[] row(TaggerModel m, int offset, String word) {
        int d = m.config().wordDimension();
        int from = offset + m.encoder().words().indexOf(word) * d;
        return Arrays.copyOfRange(m.params(), from, from + d);
    }

    @Test
    void trainedVectorsMoveAndFreezingNeedsVectors() throws Exception {
        Path vectors = dir.resolve("vectors.txt");
        Files.writeString(vectors, "empire 1 2 3\n");
        Path model = dir.resolve("moving");
        assertThat(train(model, "--vectors", vectors.toString(), "--lowercase").code()).isZero();
        TaggerModel m = TaggerModel.load(model);
        assertThat(row(m, m.network().parameters().entry("word_embedding.weight").offset(), "empire"))
                .isNotEqualTo(new float[] {1f, 2f, 3f});

        MainTest.Result noVectors = train(dir.resolve("never"), "--freeze-vectors");
        assertThat(noVectors.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noVectors.err()).contains("--freeze-vectors needs --vectors.");
    }

    @Test
    void twoThreadsTrainAModelThatEvalScoresAsTrainingDid() throws Exception {
        Path model = dir.resolve("threads");
        MainTest.Result r = train(model, "--threads", "2");

        assertThat(r.code()).as(r.err()).isZero();
        // Not on a terminal: a plain line per epoch instead of a bar.
        assertThat(r.err()).contains("epoch 1/2 train_loss=").contains("epoch 2/2 train_loss=");
        JsonNode trained = JSON.readTree(r.lastLine());
        MainTest.Result eval = MainTest.run("tag", "eval", "--data", resource("wnut17.dev.conll").toString(), "--format", "conll",
                "--model", model.toString(), "--json");
        assertThat(JSON.readTree(eval.lastLine()).get("f1").asDouble()).isEqualTo(trained.get("dev_f1").asDouble());
    }

    @Test
    void evalCompareRanksTheModelAmongOtherSystemsScoredTheSameWay() throws Exception {
        Path model = dir.resolve("compared");
        assertThat(train(model).code()).isZero();
        Path gold = resource("wnut17.dev.conll");
        Path systems = Files.createDirectories(dir.resolve("systems"));
        List<String> lines = Files.readAllLines(gold);
        // One system copies the gold tags (space-separated, as some submissions are), one says O everywhere.
        Files.writeString(systems.resolve("oracle"), lines.stream().map(l -> l.replace('\t', ' ')).collect(Collectors.joining("\n")) + "\n");
        Files.writeString(systems.resolve("all-o.txt"),
                lines.stream().map(l -> l.isEmpty() ? l : l.split("\t")[0] + "\tO").collect(Collectors.joining("\n")) + "\n");

        MainTest.Result table = MainTest.run("tag", "eval", "--data", gold.toString(), "--format", "conll", "--model", model.toString(),
                "--compare", systems.toString());
        assertThat(table.code()).as(table.err()).isZero();
        List<String> rows = table.out().lines().dropWhile(l -> !l.startsWith("rank")).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith("1    oracle").contains("100.00");
        assertThat(rows.get(2)).contains(model.toString()).endsWith("<- this model");
        assertThat(rows.get(3)).startsWith("3    all-o.txt");

        MainTest.Result json = MainTest.run("tag", "eval", "--data", gold.toString(), "--format", "conll", "--model", model.toString(),
                "--compare", systems.toString(), "--json");
        JsonNode root = JSON.readTree(json.lastLine());
        JsonNode compared = root.get("compared");
        assertThat(compared).hasSize(3);
        assertThat(compared.get(0).get("f1").asDouble()).isEqualTo(100.0);
        assertThat(compared.get(1).get("f1").asDouble()).isEqualTo(root.get("f1").asDouble());
        assertThat(compared.get(2).get("f1").asDouble()).isZero();
    }

    @Test
    void aMisalignedSystemOutputIsAnErrorNamingIt() throws Exception {
        Path model = dir.resolve("misaligned-model");
        assertThat(train(model).code()).isZero();
        Path systems = Files.createDirectories(dir.resolve("bad-systems"));
        Files.writeString(systems.resolve("short"), "Hello O\n");
        MainTest.Result r = MainTest.run("tag", "eval", "--data", resource("wnut17.dev.conll").toString(), "--format", "conll",
                "--model", model.toString(), "--compare", systems.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(systems.resolve("short") + ": expected 30 sentences, as in the gold corpus, got 1.");
    }
}
