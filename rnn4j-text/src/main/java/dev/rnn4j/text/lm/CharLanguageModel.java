package dev.rnn4j.text.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.io.ModelFile;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.text.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A character language model: a {@link SequenceModel} whose input is a one-hot character and whose
 * every-step head gives the logits of the next character, plus the character vocabulary that maps
 * characters to those indices. On disk it is a {@link ModelFiles} directory whose model card holds
 * the vocabulary under {@value #CARD_KEY}.
 */
public record CharLanguageModel(Vocabulary vocabulary, SequenceModel model) {

    /** The model-card key that holds the character vocabulary. */
    public static final String CARD_KEY = "char_lm";

    public CharLanguageModel {
        if (model.config().inputSize() != vocabulary.size() || model.outputSize() != vocabulary.size()) {
            throw new IllegalArgumentException("A character model over " + vocabulary.size() + " characters needs "
                    + vocabulary.size() + " inputs and outputs, got " + model.config().inputSize() + " and "
                    + model.outputSize() + ".");
        }
        if (model.config().layers().stream().anyMatch(l -> l.bidirectional())) {
            throw new IllegalArgumentException("A character model predicts the next character from the past only; "
                    + "a bidirectional layer would read the future.");
        }
    }

    /** The config of a fresh model: {@code layers} stacked cells of {@code hidden} units, dropout between them. */
    public static ModelConfig config(int vocabularySize, CellType cell, int layers, int hidden, double dropout, long seed) {
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers + ".");
        }
        ModelConfig.Builder b = ModelConfig.builder().inputs(vocabularySize);
        for (int i = 0; i < layers; i++) {
            b.layer(cell, hidden);
            if (dropout > 0) {
                b.dropout(dropout);
            }
        }
        return b.denseOnEveryStep(vocabularySize).seed(seed).build();
    }

    /** Saves the model with its vocabulary; {@code card} (may be null) adds facts such as metrics and provenance. */
    public void save(Path dir, ObjectNode card) throws IOException {
        ObjectNode c = card == null ? ModelFiles.json().createObjectNode() : card.deepCopy();
        c.putObject(CARD_KEY).set("vocabulary", ModelFiles.json().valueToTree(vocabulary));
        ModelFiles.save(model, dir, c);
    }

    /** Loads a model saved by {@link #save}; a model without a character vocabulary is refused, naming the file. */
    public static CharLanguageModel load(Path dir) throws IOException {
        SequenceModel model = ModelFiles.load(dir);
        return new CharLanguageModel(vocabulary(dir, card(dir)), model);
    }

    /** The model card of the model in {@code dir}. */
    public static ObjectNode card(Path dir) throws IOException {
        Path config = dir.resolve(ModelFile.CONFIG);
        return ModelFiles.card(ModelFiles.json().readTree(Files.readString(config)));
    }

    private static Vocabulary vocabulary(Path dir, ObjectNode card) {
        JsonNode node = card.path(CARD_KEY).path("vocabulary");
        Path config = dir.resolve(ModelFile.CONFIG);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException(config + " has no character vocabulary (card." + CARD_KEY
                    + ".vocabulary); it is not a character language model.");
        }
        try {
            return ModelFiles.json().treeToValue(node, Vocabulary.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(config + ": card." + CARD_KEY + ".vocabulary is not a vocabulary ("
                    + e.getMessage().lines().findFirst().orElse("") + ").", e);
        }
    }

    public int vocabularySize() {
        return vocabulary.size();
    }
}
