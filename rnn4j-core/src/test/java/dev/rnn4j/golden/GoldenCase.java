package dev.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One PyTorch reference case (format "rnn-golden" version 1, see golden/FORMAT.md). */
public record GoldenCase(String name, RecurrentConfig config, int batch, int time, int[] lengths,
                         Map<String, Tensor> params, Map<String, Tensor> inputs, Map<String, Tensor> lossWeights,
                         Map<String, Tensor> expected, double abs, double rel) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static GoldenCase read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (!"rnn-golden".equals(root.path("format").asText()) || root.path("format_version").asInt() != 1) {
            throw new IOException(file + ": expected format rnn-golden version 1, got "
                    + root.path("format").asText() + " version " + root.path("format_version").asText());
        }
        JsonNode model = root.get("model");
        RecurrentConfig config = new RecurrentConfig(CellType.fromId(model.get("cell").asText()),
                model.get("input_size").asInt(), model.get("hidden_size").asInt(), model.get("num_layers").asInt(),
                model.get("bidirectional").asBoolean(), model.get("bias").asBoolean());
        int[] lengths = null;
        if (root.hasNonNull("lengths")) {
            JsonNode l = root.get("lengths");
            lengths = new int[l.size()];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = l.get(i).asInt();
            }
        }
        JsonNode shapes = root.get("shapes");
        JsonNode tol = root.get("tolerance").get("float32");
        return new GoldenCase(root.get("name").asText(), config, root.get("batch").asInt(), root.get("time").asInt(),
                lengths, group(root, "params", root.get("param_names"), shapes),
                group(root, "inputs", root.get("input_names"), shapes),
                group(root, "loss_weights", root.get("loss_weight_names"), shapes),
                group(root, "expected", root.get("expected_names"), shapes),
                tol.get("abs").asDouble(), tol.get("rel").asDouble());
    }

    private static Map<String, Tensor> group(JsonNode root, String group, JsonNode names, JsonNode shapes) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (JsonNode n : names) {
            String name = n.asText();
            JsonNode s = shapes.get(name);
            int[] shape = new int[s.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = s.get(i).asInt();
            }
            List<Float> values = new ArrayList<>();
            flatten(root.get(group).get(name), values);
            float[] data = new float[values.size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = values.get(i);
            }
            try {
                out.put(name, Tensor.of(data, shape));
            } catch (IllegalArgumentException e) {
                throw new IOException(group + "." + name + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static void flatten(JsonNode n, List<Float> out) {
        if (n.isArray()) {
            for (JsonNode c : n) {
                flatten(c, out);
            }
        } else {
            out.add((float) n.doubleValue());
        }
    }

    /** Case files listed in DIR/MANIFEST.json, in manifest order. */
    public static List<Path> manifest(Path dir) throws IOException {
        JsonNode root = JSON.readTree(dir.resolve("MANIFEST.json").toFile());
        List<Path> files = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            files.add(dir.resolve(c.get("file").asText()));
        }
        return files;
    }
}
