package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.forecast.rnn.RnnModelFile;
import dev.rnn4j.forecast.rnn.TrainedRnn;
import dev.rnn4j.model.ModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code rnn4j model inspect} says about a forecaster written by {@code forecast train}: an
 * ensemble of members, each a recurrent network over its own lookback windows, with the series'
 * scalers and a model card of text fields (and the drift profile of the first member).
 */
final class ForecasterInspect {

    static final String KIND = "forecaster";

    private ForecasterInspect() {
    }

    static ObjectNode report(Path path, JsonNode configJson) throws IOException {
        TrainedRnn trained = RnnModelFile.load(path);   // validates the weights against the config, like any model load
        List<Integer> parameters = trained.parameterCounts();
        ObjectNode r = ModelFiles.json().createObjectNode();
        r.put("model", path.toString());
        r.put("kind", KIND);
        r.put("format_version", configJson.path("format_version").asInt());
        r.put("file_bytes", SavedModel.bytes(path));
        r.put("horizon", trained.fitted().horizon());
        r.put("parameters", parameters.stream().mapToInt(Integer::intValue).sum());
        r.set("series", ModelFiles.json().valueToTree(trained.scalers().keySet()));
        ArrayNode members = r.putArray("members");
        JsonNode saved = configJson.path("members");
        for (int k = 0; k < saved.size(); k++) {
            JsonNode m = saved.get(k);
            ObjectNode n = members.addObject();
            for (String key : new String[] {"lookback", "period", "level_scaling", "deseasonalize", "seed", "epochs",
                "best_validation_loss"}) {
                n.set(key, m.path(key));
            }
            n.put("parameters", parameters.get(k));
            ArrayNode layers = n.putArray("layers");
            for (JsonNode l : m.path("network").path("layers")) {
                layers.addObject().put("cell", l.path("cell").asText()).put("hidden", l.path("hiddenSize").asInt())
                        .put("bidirectional", l.path("bidirectional").asBoolean());
            }
            n.put("inputs", m.path("network").path("inputSize").asInt());
            n.put("outputs", m.path("network").path("head").path("outputs").asInt());
        }
        ObjectNode card = r.putObject("card");
        for (Iterator<Map.Entry<String, JsonNode>> it = configJson.path("model_card").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode()) {
                card.set(e.getKey(), e.getValue());
            }
        }
        if (trained.drift() != null) {
            r.set("drift", trained.drift());
        }
        return r;
    }

    static void printText(ObjectNode r, PrintWriter out) {
        out.printf(Locale.ROOT, "model        %s (forecaster, format %d, %,d bytes)%n", r.get("model").asText(),
                r.get("format_version").asInt(), r.get("file_bytes").asLong());
        out.printf(Locale.ROOT, "forecasts    %d steps ahead of %d series: %s%n", r.get("horizon").asInt(), r.get("series").size(),
                abbreviate(r.get("series")));
        out.printf(Locale.ROOT, "parameters   %,d in %d members%n", r.get("parameters").asInt(), r.get("members").size());
        JsonNode members = r.get("members");
        for (int k = 0; k < members.size(); k++) {
            JsonNode m = members.get(k);
            StringBuilder arch = new StringBuilder().append(m.get("inputs").asInt()).append(" inputs");
            for (JsonNode l : m.get("layers")) {
                arch.append(" -> ").append(l.get("cell").asText()).append('(').append(l.get("hidden").asInt())
                        .append(l.get("bidirectional").asBoolean() ? ", bidirectional" : "").append(')');
            }
            arch.append(" -> dense(").append(m.get("outputs").asInt()).append(')');
            out.printf(Locale.ROOT, "%-12s lookback %d, %s, seed %d, %d epochs, best validation loss %.4f%n",
                    k == 0 ? "members" : "", m.get("lookback").asInt(), arch, m.get("seed").asLong(), m.get("epochs").asInt(),
                    m.get("best_validation_loss").asDouble());
        }
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = r.get("card").fields(); it.hasNext(); first = false) {
            Map.Entry<String, JsonNode> e = it.next();
            out.printf(Locale.ROOT, "%-12s %s: %s%n", first ? "card" : "", e.getKey(), e.getValue().asText());
        }
        ModelInspect.printDrift(r, out);
    }

    private static String abbreviate(JsonNode ids) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(ids.size(), 10); i++) {
            sb.append(i == 0 ? "" : ", ").append(ids.get(i).asText());
        }
        return ids.size() > 10 ? sb + " and " + (ids.size() - 10) + " more" : sb.toString();
    }
}
