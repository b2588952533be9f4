package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.text.seq2seq.CharSeq2Seq;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code rnn4j model inspect} says about an encoder-decoder written by {@code seq2seq train}:
 * its config.json has {@code "kind": "seq2seq"} and a different architecture record from the
 * sequence models, so it gets its own report (same keys where the meaning is the same).
 */
final class Seq2seqInspect {

    static final String KIND = "seq2seq";

    private Seq2seqInspect() {
    }

    static ObjectNode report(Path path, JsonNode configJson) throws IOException {
        CharSeq2Seq model = CharSeq2Seq.load(path);   // validates the weights against the config, like any model load
        JsonNode m = configJson.path(KIND);
        ObjectNode r = ModelFiles.json().createObjectNode();
        r.put("model", path.toString());
        r.put("kind", KIND);
        r.put("format_version", configJson.path("format_version").asInt());
        r.put("file_bytes", SavedModel.bytes(path));
        r.put("parameters", model.model().parameterCount());
        r.set("architecture", m);
        r.put("source_symbols", configJson.at("/vocabularies/source/symbols").size());
        r.put("target_symbols", configJson.at("/vocabularies/target/symbols").size());
        r.put("max_trained_length", model.longestTrainedSource());
        JsonNode card = ModelFiles.card(configJson);
        for (String key : new String[] {"metrics", "training", "provenance"}) {
            if (card.has(key)) {
                r.set(key, card.get(key));
            }
        }
        return r;
    }

    static void printText(ObjectNode r, PrintWriter out) {
        JsonNode a = r.get("architecture");
        String cell = a.path("cell").asText().toUpperCase(Locale.ROOT);
        int layers = a.path("layers").asInt();
        String stack = layers > 1 ? " x " + layers : "";
        out.printf(Locale.ROOT, "model        %s (seq2seq, format %d, %,d bytes)%n", r.get("model").asText(),
                r.get("format_version").asInt(), r.get("file_bytes").asLong());
        out.printf(Locale.ROOT, "architecture %d source symbols -> embedding %d -> encoder %s(%d%s)%s -> decoder %s(%d)%s%s -> dense(%d)%n",
                r.get("source_symbols").asInt(), a.path("embedding_size").asInt(), cell, a.path("encoder_hidden").asInt(),
                a.path("encoder_bidirectional").asBoolean() ? ", bidirectional" : "", stack, cell, a.path("decoder_hidden").asInt(),
                stack, "none".equals(a.path("attention").asText("none")) ? "" : " -> " + a.path("attention").asText() + " attention",
                r.get("target_symbols").asInt());
        out.printf(Locale.ROOT, "parameters   %,d%n", r.get("parameters").asInt());
        out.println("trained on   sources of up to " + r.get("max_trained_length").asInt() + " characters"
                + (a.path("reverse_source").asBoolean() ? ", read reversed" : ""));
        ModelInspect.printFields(r, out);
    }
}
