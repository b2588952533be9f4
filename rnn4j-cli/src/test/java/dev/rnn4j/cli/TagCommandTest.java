package dev.rnn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.io.ModelFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rnn4j tag train|eval|predict} end to end on a tiny bundled WNUT-17 sample, and its errors on bad input. */
class TagCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SMALL = {"--word-dim", "16", "--char-dim", "8", "--char-hidden", "8", "--hidden", "16",
        "--lr", "0.01", "--epochs", "6", "--patience", "6", "--dev-metric", "accuracy"};

    @TempDir
    static Path dir;

    static Path train;
    static Path dev;
    static Path model;
    static JsonNode trained;

    @BeforeAll
    static void trainOnce() throws Exception {
        train = resource("wnut17.train.conll");
        dev = resource("wnut17.dev.conll");
        model = dir.resolve("model");
        List<String> args = new ArrayList<>(List.of("tag", "train", "--data", train.toString(), "--dev", dev.toString(),
                "--format", "conll", "--model", model.toString(), "--json"));
        args.addAll(List.of(SMALL));
        MainTest.Result r = MainTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        trained = JSON.readTree(r.lastLine());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TagCommandTest.class.getResource("/tag/" + name).toURI());
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void trainSavesAModelFileWithVocabulariesAndNamedWeights() throws Exception {
        assertThat(trained.get("epochs_run").asInt()).isEqualTo(6);
        assertThat(trained.get("best_epoch").asInt()).isBetween(1, 6);
        JsonNode config = JSON.readTree(model.resolve(ModelFile.CONFIG).toFile());
        assertThat(config.get("kind").asText()).isEqualTo("sequence_tagger");
        assertThat(config.at("/tagger/output").asText()).isEqualTo("crf");
        assertThat(config.at("/tagger/bio_constraints").asBoolean()).isTrue();
        assertThat(config.at("/vocabularies/words/unknown").asText()).isEqualTo("<unk>");
        List<String> tags = new ArrayList<>();
        config.at("/vocabularies/tags/symbols").forEach(t -> tags.add(t.asText()));
        // The sample's 11 tags, sorted.
        assertThat(tags).hasSize(11).startsWith("B-corporation").endsWith("O");
        String header = Files.readString(model.resolve(ModelFile.WEIGHTS), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(header).contains("word_embedding.weight", "char_lstm.weight_ih_l0", "lstm.weight_hh_l0_reverse",
                "hidden2tag.bias", "crf.transitions");
    }

    @Test
    void evalJsonReproducesTheDevScoreOfTheSavedEpoch() throws Exception {
        MainTest.Result r = MainTest.run("tag", "eval", "--data", dev.toString(), "--format", "conll", "--model", model.toString(), "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JSON.readTree(r.lastLine());
        assertThat(json.get("tokens").asInt()).isEqualTo(494);
        // The saved weights are the best epoch's: loading them scores the dev set exactly as training did.
        assertThat(json.get("accuracy").asDouble()).isEqualTo(trained.get("dev_accuracy").asDouble());
        assertThat(json.get("f1").asDouble()).isEqualTo(trained.get("dev_f1").asDouble());
        // 92 % of the sample's dev tokens are O; six epochs on 80 sentences learn at least that much.
        assertThat(json.get("accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(json.get("types").has("person")).isTrue();
    }

    @Test
    void evalWithoutJsonPrintsAPerTypeTable() {
        MainTest.Result r = MainTest.run("tag", "eval", "--data", dev.toString(), "--format", "conll", "--model", model.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("30 sentences, 494 tokens: accuracy").contains("person").contains("overall");
    }

    @Test
    void predictWritesOneKnownTagPerTokenAgreeingWithEval() throws Exception {
        Path out = dir.resolve("predicted.conll");
        MainTest.Result r = MainTest.run("tag", "predict", "--data", dev.toString(), "--format", "conll", "--model", model.toString(),
                "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        List<String> gold = Files.readAllLines(dev);
        List<String> predicted = Files.readAllLines(out);
        assertThat(predicted).hasSameSizeAs(gold);
        Set<String> known = new TreeSet<>(List.of("O", "B-corporation", "B-creative-work", "B-group", "B-location", "B-person",
                "B-product", "I-corporation", "I-creative-work", "I-location", "I-person"));
        int tokens = 0;
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).isEmpty()) {
                assertThat(predicted.get(i)).as("line %d", i + 1).isEmpty();
                continue;
            }
            String[] g = gold.get(i).split("\t");
            String[] p = predicted.get(i).split("\t");
            assertThat(p[0]).isEqualTo(g[0]);
            assertThat(known).contains(p[1]);
            tokens++;
            correct += p[1].equals(g[1]) ? 1 : 0;
        }
        assertThat((double) correct / tokens).isEqualTo(trained.get("dev_accuracy").asDouble());
    }

    @Test
    void predictReadsUntaggedTokensToStandardOutput() throws Exception {
        Path tokens = write("tokens.txt", "I\nlove\nLondon\n\nHello\n");
        MainTest.Result r = MainTest.run("tag", "predict", "--data", tokens.toString(), "--format", "conll", "--model", model.toString());

        assertThat(r.code()).as(r.err()).isZero();
        // A blank line ends every sentence, as in the CoNLL input format.
        assertThat(r.out().lines().toList()).hasSize(6);
        assertThat(r.out()).startsWith("I\t").contains("\nLondon\t");
    }

    @Test
    void aLineWithoutATabIsAnErrorNamingFileAndLine() throws Exception {
        Path bad = write("notab.conll", "a\tO\nb\n");
        MainTest.Result r = MainTest.run("tag", "eval", "--data", bad.toString(), "--format", "conll", "--model", model.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(bad + ":2: expected 'token<TAB>tag' but the line has no tab: 'b'.");
    }

    @Test
    void anEmptyTrainingFileIsAnError() throws Exception {
        Path empty = write("empty.conll", "");
        MainTest.Result r = MainTest.run("tag", "train", "--data", empty.toString(), "--dev", dev.toString(), "--format", "conll",
                "--model", dir.resolve("never").toString());

        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(empty + ": expected at least one tagged sentence, but the file is empty.");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void anUnknownGoldTagAtEvalIsAnErrorUnlessCountedAsWrong() throws Exception {
        Path unknown = write("unknown.conll", "I\tO\nlove\tB-alien\n");
        MainTest.Result r = MainTest.run("tag", "eval", "--data", unknown.toString(), "--format", "conll", "--model", model.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(unknown + ":2: tag 'B-alien' was not seen in training");

        MainTest.Result counted = MainTest.run("tag", "eval", "--data", unknown.toString(), "--format", "conll", "--model",
                model.toString(), "--unknown-tags", "count-as-wrong", "--json");
        assertThat(counted.code()).as(counted.err()).isZero();
        JsonNode json = JSON.readTree(counted.lastLine());
        assertThat(json.get("unknown_gold_tags").asInt()).isEqualTo(1);
        assertThat(json.get("accuracy").asDouble()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void aMissingOrForeignModelIsAnErrorNamingIt() throws Exception {
        Path missing = dir.resolve("no-such-model");
        MainTest.Result r = MainTest.run("tag", "eval", "--data", dev.toString(), "--format", "conll", "--model", missing.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(r.err()).contains("no-such-model");

        Path foreign = dir.resolve("foreign");
        ModelFile.save(foreign, JSON.createObjectNode().put("kind", "classifier"), java.util.Map.of());
        MainTest.Result f = MainTest.run("tag", "eval", "--data", dev.toString(), "--format", "conll", "--model", foreign.toString());
        // ModelFile reports a config that does not fit as an IOException naming the file.
        assertThat(f.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(f.err()).contains(foreign.resolve(ModelFile.CONFIG) + ": expected a sequence tagger (kind 'sequence_tagger'), got kind 'classifier'.");
    }

    @Test
    void devSentencesWithTagsUnseenInTrainingAreLeftOutOfEarlyStopping() throws Exception {
        Path devWithAlien = write("dev-alien.conll", Files.readString(dev) + "Zorg\tB-alien\n\n");
        MainTest.Result r = MainTest.run("tag", "train", "--data", train.toString(), "--dev", devWithAlien.toString(), "--format",
                "conll", "--model", dir.resolve("alien-model").toString(), "--epochs", "1", "--hidden", "8", "--word-dim", "8",
                "--char-hidden", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 of 31 development sentences have tags unseen in training");

        Path onlyAlien = write("only-alien.conll", "Zorg\tB-alien\n");
        MainTest.Result none = MainTest.run("tag", "train", "--data", train.toString(), "--dev", onlyAlien.toString(), "--format",
                "conll", "--model", dir.resolve("never2").toString(), "--epochs", "1");
        assertThat(none.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(none.err()).contains(onlyAlien + ":1: tag 'B-alien' was not seen in training");
    }

    @Test
    void badOptionsAreUsageErrors() {
        MainTest.Result format = MainTest.run("tag", "eval", "--data", dev.toString(), "--format", "csv", "--model", model.toString());
        assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("--format must be conll or brown, got 'csv'.");

        MainTest.Result both = MainTest.run("tag", "train", "--data", train.toString(), "--dev", dev.toString(), "--format", "conll",
                "--model", dir.resolve("x").toString(), "--crf", "--softmax");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void softmaxOutputAndBrownFormatTrainToo() throws Exception {
        Path brown = write("brown.tsv", "# doc=ca01 category=news\nThe\tat\tat\tDET\ndog\tnn\tnn\tNOUN\nran\tvbd\tvb\tVERB\n.\t.\t.\t.\n\n"
                + "A\tat\tat\tDET\ncat\tnn\tnn\tNOUN\nsat\tvbd\tvb\tVERB\n.\t.\t.\t.\n\n");
        Path m = dir.resolve("brown-model");
        MainTest.Result r = MainTest.run("tag", "train", "--data", brown.toString(), "--dev", brown.toString(), "--format", "brown",
                "--tagset", "coarse", "--softmax", "--model", m.toString(), "--epochs", "40", "--patience", "40", "--lr", "0.05",
                "--dropout", "0", "--min-count", "1", "--hidden", "8", "--word-dim", "8", "--char-hidden", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.lastLine()).has("dev_f1")).as("no span F1 for part-of-speech tags").isFalse();

        MainTest.Result eval = MainTest.run("tag", "eval", "--data", brown.toString(), "--format", "brown", "--model", m.toString(), "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        // Two sentences the network has 40 steps to memorise.
        assertThat(JSON.readTree(eval.lastLine()).get("accuracy").asDouble()).isEqualTo(1.0);
        MainTest.Result table = MainTest.run("tag", "eval", "--data", brown.toString(), "--format", "brown", "--model", m.toString());
        assertThat(table.out()).contains("8 tokens: accuracy 1.0000").contains("not BIO spans");
        assertThat(JSON.readTree(m.resolve(ModelFile.CONFIG).toFile()).get("tagset").asText()).isEqualTo("coarse");
    }

    @Test
    void severalModelsTagTogetherAndMustShareTheirTags() throws Exception {
        Path second = dir.resolve("model-seed7");
        List<String> args = new ArrayList<>(List.of("tag", "train", "--data", train.toString(), "--dev", dev.toString(),
                "--format", "conll", "--model", second.toString(), "--seed", "7", "--json"));
        args.addAll(List.of(SMALL));
        assertThat(MainTest.run(args.toArray(String[]::new)).code()).isZero();

        MainTest.Result both = MainTest.run("tag", "eval", "--data", dev.toString(), "--format", "conll", "--model", model.toString(),
                "--model", second.toString(), "--json");
        assertThat(both.code()).as(both.err()).isZero();
        JsonNode json = JSON.readTree(both.lastLine());
        assertThat(json.get("models").asInt()).isEqualTo(2);
        assertThat(json.get("tokens").asInt()).isEqualTo(494);

        // predict with the same two models agrees token for token with what eval scored.
        Path out = dir.resolve("predicted-ensemble.conll");
        MainTest.Result predicted = MainTest.run("tag", "predict", "--data", dev.toString(), "--format", "conll", "--model",
                model.toString(), "--model", second.toString(), "--out", out.toString());
        assertThat(predicted.code()).as(predicted.err()).isZero();
        List<String> gold = Files.readAllLines(dev);
        List<String> tags = Files.readAllLines(out);
        int tokens = 0;
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (!gold.get(i).isEmpty()) {
                tokens++;
                correct += tags.get(i).split("\t")[1].equals(gold.get(i).split("\t")[1]) ? 1 : 0;
            }
        }
        assertThat((double) correct / tokens).isEqualTo(json.get("accuracy").asDouble());

        Path brown = write("brown-ens.tsv", "The\tat\tat\tDET\ndog\tnn\tnn\tNOUN\n\n");
        Path brownModel = dir.resolve("brown-ens-model");
        assertThat(MainTest.run("tag", "train", "--data", brown.toString(), "--dev", brown.toString(), "--format", "brown",
                "--model", brownModel.toString(), "--epochs", "1", "--hidden", "4", "--word-dim", "4", "--char-hidden", "0").code()).isZero();
        MainTest.Result mixed = MainTest.run("tag", "eval", "--data", dev.toString(), "--format", "conll", "--model", model.toString(),
                "--model", brownModel.toString());
        assertThat(mixed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(mixed.err()).contains(brownModel.toString()).contains("must share their tags");
    }

    @Test
    void inspectDescribesTheTagger() throws Exception {
        MainTest.Result r = MainTest.run("model", "inspect", "--model", model.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JSON.readTree(r.lastLine());
        JsonNode config = JSON.readTree(model.resolve(ModelFile.CONFIG).toFile());
        assertThat(json.get("kind").asText()).isEqualTo("sequence_tagger");
        assertThat(json.get("tags")).isEqualTo(config.at("/vocabularies/tags/symbols"));
        assertThat(json.get("words").asInt()).isEqualTo(config.at("/vocabularies/words/symbols").size());
        assertThat(json.at("/architecture/hidden").asInt()).isEqualTo(16);

        MainTest.Result text = MainTest.run("model", "inspect", "--model", model.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("(sequence tagger, format 1").contains("BiLSTM(16)").contains("CRF over 11 tags (BIO constraints)");
    }
}
