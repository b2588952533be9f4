package dev.rnn4j.model;

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
import java.util.Map;

/**
 * A {@link SequenceModel} with its recurrent weight matrices (every {@code weight_ih_*} and
 * {@code weight_hh_*}) quantised to int8, one symmetric scale per row ({@link Int8Matrix}); biases
 * and the head stay float32. On disk each quantised matrix is an {@code I8} tensor under its
 * PyTorch name plus an {@code F32} tensor of row scales under the name + {@value #SCALE_SUFFIX};
 * config.json says so under {@value #QUANTIZATION}.
 */
public final class QuantizedModelFiles {

    public static final String SCALE_SUFFIX = ".scale";
    public static final String QUANTIZATION = "quantization";

    private QuantizedModelFiles() {
    }

    /** Whether the parameter {@code name} is stored in int8: the recurrent layers' weight matrices. */
    public static boolean isQuantized(String name) {
        return name.contains(".weight_ih_") || name.contains(".weight_hh_");
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
