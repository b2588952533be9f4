package dev.rnn4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.io.ModelFile;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link SequenceModel} on disk, in the {@link ModelFile} format: {@code config.json} holds the
 * {@link ModelConfig}, {@code weights.safetensors} every named parameter. Saving is atomic; loading
 * checks every name and shape against the config before reading any weights.
 */
public final class ModelFiles {

    public static final String CONFIG = ModelFile.CONFIG;
    public static final String WEIGHTS = ModelFile.WEIGHTS;
    /** The config.json key of the model card. */
    public static final String CARD = "card";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static void save(SequenceModel model, Path dir) throws IOException {
        save(model, dir, null);
    }

    /**
     * Saves the model with a model card: free-form facts about how it was made (metrics, maximum
     * trained length, provenance), stored under {@value #CARD} in config.json beside the config.
     */
    public static void save(SequenceModel model, Path dir, ObjectNode card) throws IOException {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        float[] v = model.parameters();
        for (ParameterLayout.Entry e : model.entries()) {
            weights.put(e.name(), Tensor.of(Arrays.copyOfRange(v, e.offset(), e.offset() + e.size()), e.shape()));
        }
        ObjectNode config = JSON.valueToTree(model.config());
        if (card != null) {
            config.set(CARD, card);
        }
        ModelFile.save(dir, config, weights);
    }

    /** The model card of a loaded config.json, or an empty object when the model has none. */
    public static ObjectNode card(JsonNode configJson) {
        JsonNode card = configJson.get(CARD);
        return card instanceof ObjectNode o ? o.deepCopy() : JSON.createObjectNode();
    }

    public static SequenceModel load(Path dir) throws IOException {
        ModelFile.Contents contents = ModelFile.load(dir, json -> shapes(toConfig(json)));
        ModelConfig config = toConfig(contents.config());
        SequenceModel shape = SequenceModel.empty(config);
        float[] flat = new float[shape.parameters().length];
        for (ParameterLayout.Entry e : shape.entries()) {
            System.arraycopy(contents.weights().get(e.name()).data(), 0, flat, e.offset(), e.size());
        }
        return SequenceModel.withParameters(config, flat);
    }

    /**
     * A float32 or an int8-quantised model ({@link QuantizedModelFiles}), whichever {@code path}
     * holds: what inference needs when it should not care. Int8 weights come back as int8 × scale.
     */
    public static SequenceModel loadAny(Path path) throws IOException {
        ModelFile.Contents contents = ModelFile.load(path, json -> {
            if (!json.has(QuantizedModelFiles.QUANTIZATION)) {
                return shapes(toConfig(json));
            }
            ModelConfig config = toConfig(json, true);
            return QuantizedModelFiles.shapes(config, QuantizedModelFiles.quantizedNames(json, config));
        }, true);
        return QuantizedModelFiles.fromContents(path, contents);
    }

    /** The model config inside a config.json, without the file-format stamps ModelFile adds. */
    static ModelConfig toConfig(JsonNode json) {
        return toConfig(json, false);
    }

    /** As {@link #toConfig(JsonNode)}; {@code quantized} accepts (and strips) the int8 section. */
    static ModelConfig toConfig(JsonNode json, boolean quantized) {
        if (!quantized && json.has(QuantizedModelFiles.QUANTIZATION)) {
            throw new IllegalArgumentException("field '" + QuantizedModelFiles.QUANTIZATION + "' says this is an int8 (I8) "
                    + "quantised model, which the float32 loader cannot read; load the float32 model it was made from.");
        }
        ObjectNode copy = ((ObjectNode) json).deepCopy();
        copy.remove("format_version");
        copy.remove("requires_rnn4j");
        copy.remove(CARD);
        copy.remove(QuantizedModelFiles.QUANTIZATION);
        try {
            return JSON.treeToValue(copy, ModelConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid model config (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    static Map<String, int[]> shapes(ModelConfig config) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : SequenceModel.empty(config).entries()) {
            shapes.put(e.name(), e.shape());
        }
        return shapes;
    }
}
