package dev.rnn4j.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model directory: {@code config.json} (the {@link ModelConfig}) and {@code weights.safetensors}
 * (every named parameter). Loading checks every name and shape before building the model.
 */
public final class ModelFiles {

    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "weights.safetensors";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static void save(SequenceModel model, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        float[] v = model.parameters();
        for (ParameterLayout.Entry e : model.entries()) {
            weights.put(e.name(), Tensor.of(Arrays.copyOfRange(v, e.offset(), e.offset() + e.size()), e.shape()));
        }
        SafeTensors.write(dir.resolve(WEIGHTS), weights);
        Path tmp = dir.resolve(CONFIG + ".tmp");
        JSON.writeValue(tmp.toFile(), model.config());
        Files.move(tmp, dir.resolve(CONFIG), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static SequenceModel load(Path dir) throws IOException {
        Path configFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new IOException("No model at " + dir + ": " + CONFIG + " is missing.");
        }
        ModelConfig config;
        try {
            config = JSON.readValue(configFile.toFile(), ModelConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(configFile + ": not a valid model config (" + e.getMessage().lines().findFirst().orElse("") + ").", e);
        }
        Map<String, Tensor> weights = SafeTensors.read(dir.resolve(WEIGHTS));
        SequenceModel shape = SequenceModel.empty(config);
        float[] flat = new float[shape.parameters().length];
        for (ParameterLayout.Entry e : shape.entries()) {
            Tensor t = weights.get(e.name());
            if (t == null) {
                throw new IOException(dir.resolve(WEIGHTS) + ": parameter " + e.name() + " is missing.");
            }
            if (!t.hasShape(e.shape())) {
                throw new IOException(dir.resolve(WEIGHTS) + ": parameter " + e.name() + " has shape " + t.shapeString()
                        + ", expected " + Arrays.toString(e.shape()) + ".");
            }
            System.arraycopy(t.data(), 0, flat, e.offset(), e.size());
        }
        return SequenceModel.withParameters(config, flat);
    }
}
