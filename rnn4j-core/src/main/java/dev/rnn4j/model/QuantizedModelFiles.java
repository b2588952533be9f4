package dev.rnn4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.io.ModelFile;
import dev.rnn4j.io.SafeTensors;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.quant.Int8Matrix;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@link SequenceModel} with its weight matrices (every {@code weight_ih_*} and {@code weight_hh_*}
 * of the recurrent layers, and {@code head.weight}) quantised to int8, one symmetric scale per row
 * ({@link Int8Matrix}); biases and layer norms stay float32. On disk each quantised matrix is an
 * {@code I8} tensor under its PyTorch name plus an {@code F32} tensor of row scales under the name +
 * {@value #SCALE_SUFFIX}; config.json lists them under {@value #QUANTIZATION}{@code .tensors}, which
 * is what loading goes by.
 */
public final class QuantizedModelFiles {

    public static final String SCALE_SUFFIX = ".scale";
    public static final String QUANTIZATION = "quantization";

    private QuantizedModelFiles() {
    }

    /** Whether {@link #save} stores the parameter {@code name} in int8: the recurrent layers' weight matrices and the head's. */
    public static boolean isQuantized(String name) {
        return name.contains(".weight_ih_") || name.contains(".weight_hh_") || name.equals("head.weight");
    }

    /** The parameters a quantised config.json says are int8 ({@value #QUANTIZATION}.tensors), each a matrix of the model. */
    static Set<String> quantizedNames(JsonNode json, ModelConfig config) {
        JsonNode tensors = json.path(QUANTIZATION).path("tensors");
        if (!tensors.isArray()) {
            throw new IllegalArgumentException("field " + QUANTIZATION + ".tensors must list the int8 tensors, got " + tensors + ".");
        }
        Map<String, int[]> matrices = new LinkedHashMap<>();
        SequenceModel.empty(config).entries().stream().filter(e -> e.shape().length == 2).forEach(e -> matrices.put(e.name(), e.shape()));
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode n : tensors) {
            if (!matrices.containsKey(n.asText())) {
                throw new IllegalArgumentException("field " + QUANTIZATION + ".tensors names '" + n.asText()
                        + "', which is not a weight matrix of this model; expected some of " + matrices.keySet() + ".");
            }
            names.add(n.asText());
        }
        return names;
    }

    /** Writes the quantised model (atomically, like {@link ModelFiles#save}) with {@code card} (may be null). */
    public static void save(SequenceModel model, Path target, ObjectNode card) throws IOException {
        Map<String, Tensor> floats = new LinkedHashMap<>();
        Map<String, SafeTensors.Int8Tensor> int8 = new LinkedHashMap<>();
        float[] v = model.parameters();
        for (ParameterLayout.Entry e : model.entries()) {
            if (isQuantized(e.name())) {
                Int8Matrix m = Int8Matrix.quantize(v, e.offset(), e.shape()[0], e.shape()[1]);
                int8.put(e.name(), new SafeTensors.Int8Tensor(m.values(), e.shape()));
                floats.put(e.name() + SCALE_SUFFIX, Tensor.of(m.scales(), e.shape()[0]));
            } else {
                floats.put(e.name(), Tensor.of(Arrays.copyOfRange(v, e.offset(), e.offset() + e.size()), e.shape()));
            }
        }
        ObjectNode config = ModelFiles.json().valueToTree(model.config());
        if (card != null) {
            config.set(ModelFiles.CARD, card);
        }
        ObjectNode q = config.putObject(QUANTIZATION);
        q.put("scheme", "int8, symmetric, one float32 scale per row");
        q.put("scale_suffix", SCALE_SUFFIX);
        q.putArray("tensors").addAll(int8.keySet().stream().map(n -> ModelFiles.json().getNodeFactory().textNode(n)).toList());
        ModelFile.save(target, config, floats, int8);
    }

    /** The tensors of a quantised file: each int8 matrix under its name, its row scales under name + {@value #SCALE_SUFFIX}. */
    static Map<String, int[]> shapes(ModelConfig config, Set<String> quantized) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : SequenceModel.empty(config).entries()) {
            shapes.put(e.name(), e.shape());
            if (quantized.contains(e.name())) {
                shapes.put(e.name() + SCALE_SUFFIX, new int[] {e.shape()[0]});
            }
        }
        return shapes;
    }

    /**
     * The model in a loaded float32 or quantised file (names and shapes already checked); int8
     * matrices become int8 × row scale. A tensor stored in the wrong dtype is named.
     */
    static SequenceModel fromContents(Path source, ModelFile.Contents contents) throws IOException {
        boolean quantized = contents.config().has(QUANTIZATION);
        ModelConfig config;
        Set<String> int8;
        try {
            config = ModelFiles.toConfig(contents.config(), quantized);
            int8 = quantized ? quantizedNames(contents.config(), config) : Set.of();
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
        SequenceModel shape = SequenceModel.empty(config);
        float[] flat = new float[shape.parameters().length];
        for (ParameterLayout.Entry e : shape.entries()) {
            if (int8.contains(e.name())) {
                SafeTensors.Int8Tensor q = contents.int8().get(e.name());
                Tensor scales = contents.weights().get(e.name() + SCALE_SUFFIX);
                if (q == null || scales == null) {
                    throw new IOException(source + ": tensor '" + (q == null ? e.name() : e.name() + SCALE_SUFFIX) + "' must be "
                            + (q == null ? "I8 (int8)" : "F32 (float32)") + " in a quantised model, got the other dtype.");
                }
                int cols = e.shape()[1];
                for (int i = 0; i < e.size(); i++) {
                    flat[e.offset() + i] = scales.data()[i / cols] * q.data()[i];
                }
            } else {
                Tensor t = contents.weights().get(e.name());
                if (t == null) {
                    throw new IOException(source + ": tensor '" + e.name() + "' must be F32 (float32), got I8 (int8).");
                }
                System.arraycopy(t.data(), 0, flat, e.offset(), e.size());
            }
        }
        return SequenceModel.withParameters(config, flat);
    }

    /**
     * A float32 copy of {@code model} whose quantised matrices hold their int8 values times their
     * scales: what an int8 step computes (up to the order of float additions), for measuring the
     * accuracy cost of quantisation with the ordinary batch predictor.
     */
    public static SequenceModel dequantized(SequenceModel model) {
        float[] v = model.parameters().clone();
        for (ParameterLayout.Entry e : model.entries()) {
            if (isQuantized(e.name())) {
                int rows = e.shape()[0];
                int cols = e.shape()[1];
                Int8Matrix m = Int8Matrix.quantize(v, e.offset(), rows, cols);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        v[e.offset() + r * cols + c] = m.get(r, c);
                    }
                }
            }
        }
        return SequenceModel.withParameters(model.config(), v);
    }
}
