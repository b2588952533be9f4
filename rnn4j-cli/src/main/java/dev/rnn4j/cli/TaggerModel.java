package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.io.ModelFile;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.tensor.Tensor;
import dev.rnn4j.text.crf.TransitionConstraints;
import dev.rnn4j.text.data.BrownTagSet;
import dev.rnn4j.text.tagger.SentenceEncoder;
import dev.rnn4j.text.tagger.TagOutput;
import dev.rnn4j.text.tagger.TaggerConfig;
import dev.rnn4j.text.tagger.TaggerEnsemble;
import dev.rnn4j.text.tagger.TaggerNetwork;
import dev.rnn4j.text.tagger.WordForm;
import dev.rnn4j.text.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained tagger as {@code rnn4j tag} saves it: config.json holds the corpus format and tag set,
 * the {@link TaggerConfig}, whether decoding uses BIO constraints and the three vocabularies;
 * weights.safetensors holds every parameter under its {@link TaggerNetwork} name.
 */
record TaggerModel(String format, BrownTagSet tagSet, TaggerConfig config, boolean bio, SentenceEncoder encoder,
                   TaggerNetwork network, float[] params) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KIND = "sequence_tagger";

    /** A fresh network for this shape and these vocabularies (dropout as in {@code config}). */
    static TaggerNetwork network(TaggerConfig config, boolean bio, Vocabulary tags) {
        return bio ? new TaggerNetwork(config, TransitionConstraints.bio(tags.symbols())) : new TaggerNetwork(config);
    }

    /** Whether every tag is O, B-TYPE or I-TYPE, so that BIO constraints apply to decoding. */
    static boolean isBio(List<String> tags) {
        return tags.stream().allMatch(t -> t.equals("O") || (t.length() > 2 && (t.startsWith("B-") || t.startsWith("I-"))));
    }

    /** This model as one member of a {@link TaggerEnsemble}. */
    TaggerEnsemble.Member member() {
        return new TaggerEnsemble.Member(network, params, encoder);
    }

    /** The models decoding together (one: that model alone), with {@code entityBias} added to every tag but O. */
    static TaggerEnsemble ensemble(List<TaggerModel> models, float entityBias) {
        try {
            return new TaggerEnsemble(models.stream().map(TaggerModel::member).toList(), entityBias);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--entity-bias: " + e.getMessage());
        }
    }

    /** Loads every directory; a second model whose corpus format or tag set differs from the first's is an error. */
    static List<TaggerModel> loadAll(List<Path> dirs) throws IOException {
        List<TaggerModel> models = new java.util.ArrayList<>(dirs.size());
        for (Path dir : dirs) {
            TaggerModel m = load(dir);
            if (!models.isEmpty()) {
                TaggerModel first = models.get(0);
                if (!m.format().equals(first.format()) || m.tagSet() != first.tagSet()
                        || !m.encoder().tags().symbols().equals(first.encoder().tags().symbols())) {
                    throw new CliException(ExitCodes.USAGE, dir + " was trained on other tags (" + m.format() + ", "
                            + m.encoder().tags().size() + " tags) than " + dirs.get(0) + " (" + first.format() + ", "
                            + first.encoder().tags().size() + " tags); models tagging together must share their tags.");
                }
            }
            models.add(m);
        }
        return models;
    }

    /** How a ranking names one model or several together. */
    static String label(List<Path> dirs) {
        return dirs.size() == 1 ? dirs.get(0).toString() : "ensemble of " + dirs.size();
    }

    void save(Path dir) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", KIND);
        root.put("format", format);
        if (format.equals(TagCorpus.BROWN)) {
            root.put("tagset", tagSet.id());
        }
        ObjectNode t = root.putObject("tagger");
        t.put("word_vocabulary_size", config.wordVocabularySize());
        t.put("word_dimension", config.wordDimension());
        t.put("char_vocabulary_size", config.charVocabularySize());
        t.put("char_dimension", config.charDimension());
        t.put("char_hidden", config.charHidden());
        t.put("cell", config.cell().id());
        t.put("hidden", config.hidden());
        t.put("layers", config.layers());
        t.put("num_tags", config.numTags());
        t.put("output", config.output().id());
        t.put("dropout", config.dropout());
        t.put("bio_constraints", bio);
        t.put("word_form", encoder.wordForm().id());
        ObjectNode v = root.putObject("vocabularies");
        v.set("words", JSON.valueToTree(encoder.words()));
        if (encoder.characters() != null) {
            v.set("characters", JSON.valueToTree(encoder.characters()));
        }
        v.set("tags", JSON.valueToTree(encoder.tags()));
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : network.parameters().entries()) {
            weights.put(e.name(), Tensor.of(Arrays.copyOfRange(params, e.offset(), e.offset() + e.size()), e.shape()));
        }
        ModelFile.save(dir, root, weights);
    }

    static TaggerModel load(Path dir) throws IOException {
        ModelFile.Contents c = ModelFile.load(dir, cfg -> shapes(dir, cfg));
        JsonNode root = c.config();
        TaggerConfig config = taggerConfig(dir, root);
        boolean bio = root.path("tagger").path("bio_constraints").asBoolean(false);
        JsonNode v = root.path("vocabularies");
        Vocabulary words = vocabulary(dir, v, "words");
        Vocabulary characters = v.has("characters") ? vocabulary(dir, v, "characters") : null;
        Vocabulary tags = vocabulary(dir, v, "tags");
        if (words.size() != config.wordVocabularySize() || tags.size() != config.numTags()
                || (characters != null && config.hasCharacterFeatures() && characters.size() != config.charVocabularySize())) {
            throw new IllegalArgumentException(dir.resolve(ModelFile.CONFIG) + ": the vocabulary sizes (" + words.size() + " words, "
                    + tags.size() + " tags) do not match the tagger config (" + config.wordVocabularySize() + " words, "
                    + config.numTags() + " tags).");
        }
        TaggerNetwork network = network(config, bio, tags);
        float[] params = new float[network.parameters().size()];
        for (ParameterLayout.Entry e : network.parameters().entries()) {
            System.arraycopy(c.weights().get(e.name()).data(), 0, params, e.offset(), e.size());
        }
        WordForm wordForm;
        try {
            // Models saved before word forms existed looked words up as written.
            wordForm = WordForm.parse(root.path("tagger").path("word_form").asText(WordForm.AS_WRITTEN.id()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir.resolve(ModelFile.CONFIG) + ": tagger.word_form: " + e.getMessage());
        }
        SentenceEncoder encoder = new SentenceEncoder(words, config.hasCharacterFeatures() ? characters : null, tags, wordForm);
        BrownTagSet tagSet = BrownTagSet.parse(root.path("tagset").asText("coarse"));
        return new TaggerModel(root.path("format").asText(), tagSet, config, bio, encoder, network, params);
    }

    private static Map<String, int[]> shapes(Path dir, JsonNode root) {
        if (!KIND.equals(root.path("kind").asText())) {
            // ModelFile names the file in front of this message.
            throw new IllegalArgumentException("expected a sequence tagger (kind '" + KIND + "'), got kind '"
                    + root.path("kind").asText("") + "'.");
        }
        TaggerConfig config = taggerConfig(dir, root);
        Map<String, int[]> shapes = new LinkedHashMap<>();
        // Constraints shape decoding only, so the parameter names and shapes do not depend on them.
        for (ParameterLayout.Entry e : new TaggerNetwork(config).parameters().entries()) {
            shapes.put(e.name(), e.shape());
        }
        return shapes;
    }

    private static TaggerConfig taggerConfig(Path dir, JsonNode root) {
        JsonNode t = root.path("tagger");
        if (!t.isObject()) {
            throw new IllegalArgumentException(dir.resolve(ModelFile.CONFIG) + ": expected an object 'tagger', got "
                    + (t.isMissingNode() ? "none" : t.getNodeType()) + ".");
        }
        return new TaggerConfig(t.path("word_vocabulary_size").asInt(), t.path("word_dimension").asInt(),
                t.path("char_vocabulary_size").asInt(), t.path("char_dimension").asInt(), t.path("char_hidden").asInt(),
                CellType.fromId(t.path("cell").asText()), t.path("hidden").asInt(), t.path("layers").asInt(),
                t.path("num_tags").asInt(), TagOutput.parse(t.path("output").asText()), (float) t.path("dropout").asDouble());
    }

    private static Vocabulary vocabulary(Path dir, JsonNode vocabularies, String name) {
        JsonNode node = vocabularies.path(name);
        try {
            return JSON.treeToValue(node, Vocabulary.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(dir.resolve(ModelFile.CONFIG) + ": vocabularies." + name + " is not a vocabulary ("
                    + e.getMessage() + ").");
        }
    }
}
