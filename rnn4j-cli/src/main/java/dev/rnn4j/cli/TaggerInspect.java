package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.text.tagger.TaggerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code rnn4j model inspect} says about a sequence tagger written by {@code tag train}: its
 * architecture (word embeddings, character features, the bidirectional stack, CRF or softmax),
 * vocabularies and tags.
 */
final class TaggerInspect {

    static final String KIND = TaggerModel.KIND;

    private TaggerInspect() {
    }

    static ObjectNode report(Path path, JsonNode configJson) throws IOException {
        TaggerModel model = TaggerModel.load(path);   // validates the weights against the config, like any model load
        TaggerConfig c = model.config();
        ObjectNode r = ModelFiles.json().createObjectNode();
        r.put("model", path.toString());
        r.put("kind", KIND);
        r.put("format_version", configJson.path("format_version").asInt());
        r.put("file_bytes", SavedModel.bytes(path));
        r.put("parameters", model.network().parameters().size());
        r.put("input_format", model.format());
        if (model.format().equals(TagCorpus.BROWN)) {
            r.put("tagset", model.tagSet().id());
        }
        r.set("architecture", configJson.path("tagger"));
        r.put("words", c.wordVocabularySize());
        r.put("characters", c.hasCharacterFeatures() ? c.charVocabularySize() : 0);
        r.set("tags", ModelFiles.json().valueToTree(model.encoder().tags().symbols()));
        return r;
    }

    static void printText(ObjectNode r, PrintWriter out) {
        JsonNode a = r.get("architecture");
        out.printf(Locale.ROOT, "model        %s (sequence tagger, format %d, %,d bytes)%n", r.get("model").asText(),
                r.get("format_version").asInt(), r.get("file_bytes").asLong());
        String cell = a.path("cell").asText().toUpperCase(Locale.ROOT);
        String chars = a.path("char_hidden").asInt() == 0 ? ""
                : String.format(Locale.ROOT, " ++ characters(%d symbols -> %d -> Bi%s(%d))", r.get("characters").asInt(),
                        a.path("char_dimension").asInt(), cell, a.path("char_hidden").asInt());
        out.printf(Locale.ROOT, "architecture words(%,d -> %d, looked up %s)%s -> Bi%s(%d)%s -> %s over %d tags%s%n",
                r.get("words").asInt(), a.path("word_dimension").asInt(), a.path("word_form").asText("as_written").replace('_', ' '),
                chars, cell, a.path("hidden").asInt(), a.path("layers").asInt() > 1 ? " x " + a.path("layers").asInt() : "",
                a.path("output").asText().toUpperCase(Locale.ROOT), r.get("tags").size(),
                a.path("bio_constraints").asBoolean() ? " (BIO constraints)" : "");
        out.printf(Locale.ROOT, "parameters   %,d%n", r.get("parameters").asInt());
        out.println("input        " + r.get("input_format").asText() + (r.has("tagset") ? " (" + r.get("tagset").asText() + " tags)" : ""));
        List<String> tags = ModelFiles.json().convertValue(r.get("tags"), ModelFiles.json().getTypeFactory()
                .constructCollectionType(List.class, String.class));
        out.println("tags         " + String.join(" ", tags));
    }
}
