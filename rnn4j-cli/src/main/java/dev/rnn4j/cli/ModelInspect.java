package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.forecast.rnn.RnnModelFile;
import dev.rnn4j.model.LayerSpec;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.QuantizedModelFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j model inspect}: what a saved model is (architecture, parameter count, size on disk),
 * how to feed it (scaler, labels, maximum trained length) and where it came from (metrics,
 * provenance), read from its config.json, model card and classifier.json.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Describe a saved model.")
final class ModelInspect implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory or .zip file.")
    Path modelPath;

    @Override
    public Integer call() throws Exception {
        JsonNode config = readableConfig(modelPath);
        String kind = config == null ? "" : config.path("kind").asText("");
        ObjectNode report = switch (kind) {
            case Seq2seqInspect.KIND -> Seq2seqInspect.report(modelPath, config);
            case RnnModelFile.KIND -> ForecasterInspect.report(modelPath, config);
            case TaggerInspect.KIND -> TaggerInspect.report(modelPath, config);
            default -> report(SavedModel.read(modelPath));
        };
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(ModelFiles.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report));
        } else {
            switch (kind) {
                case Seq2seqInspect.KIND -> Seq2seqInspect.printText(report, out);
                case RnnModelFile.KIND -> ForecasterInspect.printText(report, out);
                case TaggerInspect.KIND -> TaggerInspect.printText(report, out);
                default -> printText(report, out);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The config.json at {@code path}, whose {@code kind} picks the report (encoder-decoder,
     * forecaster, tagger; none for a sequence model), or null when it cannot be read: the ordinary
     * model load then says what is wrong with it.
     */
    private static JsonNode readableConfig(Path path) {
        try {
            return SavedModel.configJson(path);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return null;
        }
    }

    static ObjectNode report(SavedModel saved) {
        ModelConfig c = saved.model().config();
        ObjectNode r = ModelFiles.json().createObjectNode();
        r.put("model", saved.path().toString());
        r.put("format_version", saved.configJson().path("format_version").asInt());
        r.put("file_bytes", saved.bytes());
        r.put("parameters", saved.model().parameters().length);
        r.put("inputs", c.inputSize());
        ArrayNode layers = r.putArray("layers");
        for (LayerSpec l : c.layers()) {
            ObjectNode n = layers.addObject();
            n.put("cell", l.cell().name());
            n.put("hidden", l.hiddenSize());
            n.put("bidirectional", l.bidirectional());
        }
        ObjectNode head = r.putObject("head");
        head.put("kind", c.head().kind().name());
        head.put("outputs", c.head().outputs());
        JsonNode card = saved.card();
        ClassifierMeta meta = saved.classifier();
        if (card.has("max_trained_length")) {
            r.put("max_trained_length", card.get("max_trained_length").asInt());
        } else if (meta != null) {
            r.put("max_trained_length", meta.maxTrainedLength());
        }
        if (meta != null) {
            r.put("input_format", meta.format());
            r.set("labels", ModelFiles.json().valueToTree(meta.labels()));
            if (meta.standardizer() != null) {
                ObjectNode scaler = r.putObject("scaler");
                scaler.set("mean", ModelFiles.json().valueToTree(meta.standardizer().mean()));
                scaler.set("scale", ModelFiles.json().valueToTree(meta.standardizer().scale()));
            }
            if (meta.encoding() != null) {
                r.put("alphabet", meta.encoding().alphabet());
            }
        }
        if (saved.configJson().has(QuantizedModelFiles.QUANTIZATION)) {
            r.set("quantization", saved.configJson().get(QuantizedModelFiles.QUANTIZATION));
        }
        for (String key : new String[] {"task", "metrics", "training", "provenance", "drift"}) {
            if (card.has(key)) {
                r.set(key, card.get(key));
            }
        }
        return r;
    }

    private static void printText(ObjectNode r, PrintWriter out) {
        out.printf(Locale.ROOT, "model        %s (format %d, %,d bytes)%n", r.get("model").asText(), r.get("format_version").asInt(),
                r.get("file_bytes").asLong());
        StringBuilder arch = new StringBuilder().append(r.get("inputs").asInt()).append(" inputs");
        for (JsonNode l : r.get("layers")) {
            arch.append(" -> ").append(l.get("cell").asText()).append('(').append(l.get("hidden").asInt())
                    .append(l.get("bidirectional").asBoolean() ? ", bidirectional" : "").append(')');
        }
        arch.append(" -> dense ").append(r.at("/head/kind").asText().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append('(').append(r.at("/head/outputs").asInt()).append(')');
        out.println("architecture " + arch);
        out.printf(Locale.ROOT, "parameters   %,d%n", r.get("parameters").asInt());
        if (r.has("quantization")) {
            out.println("weights      " + r.at("/quantization/scheme").asText() + " for " + r.at("/quantization/tensors").size()
                    + " weight matrices; the rest float32");
        }
        if (r.has("max_trained_length")) {
            out.println("trained on   sequences of up to " + r.get("max_trained_length").asInt() + " steps");
        }
        if (r.has("labels")) {
            out.println("labels       " + join(r.get("labels")));
        }
        if (r.has("scaler")) {
            out.println("scaler mean  " + join(r.at("/scaler/mean")));
            out.println("scaler scale " + join(r.at("/scaler/scale")));
        }
        if (r.has("alphabet")) {
            out.println("alphabet     " + r.get("alphabet").asText());
        }
        printFields(r, out);
        printDrift(r, out);
    }

    /** The drift reference of the card, a line per layer, if there is one. */
    static void printDrift(ObjectNode r, PrintWriter out) {
        JsonNode drift = r.path("drift").path("layers");
        for (int l = 0; l < drift.size(); l++) {
            JsonNode p = drift.get(l);
            out.printf(Locale.ROOT, "%-12s layer %d: output norm %.4g ± %.4g, median %.4g, gate saturation %.2f%% (%s, %d steps)%n",
                    l == 0 ? "drift ref" : "", l, p.path("mean").asDouble(), p.path("std").asDouble(), p.path("deciles").path(4).asDouble(),
                    100 * p.path("saturation_rate").asDouble(), r.at("/drift/measured_on").asText(), p.path("count").asLong());
        }
    }

    /** The card's metrics, training summary and provenance, one line each. */
    static void printFields(ObjectNode r, PrintWriter out) {
        for (String key : new String[] {"metrics", "training", "provenance"}) {
            if (r.has(key)) {
                out.println(String.format(Locale.ROOT, "%-12s ", key) + fields(r.get(key)));
            }
        }
    }

    private static String join(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode v : array) {
            sb.append(sb.length() == 0 ? "" : " ").append(v.isNumber() ? String.format(Locale.ROOT, "%.4g", v.asDouble()) : v.asText());
        }
        return sb.toString();
    }

    private static String fields(JsonNode object) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String value = v.isFloatingPointNumber() ? String.format(Locale.ROOT, "%.4f", v.asDouble()) : v.asText();
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(value);
        }
        return sb.toString();
    }
}
