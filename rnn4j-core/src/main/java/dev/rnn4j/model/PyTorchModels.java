package dev.rnn4j.model;

import dev.rnn4j.io.SafeTensors;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link SequenceModel} from a PyTorch state dict saved with safetensors, beside
 * {@link ModelFiles} (rnn4j's own model files). Two module layouts load:
 *
 * <ul>
 *   <li><b>One recurrent module and a linear head</b>, PyTorch's natural layout:
 *   <pre>{@code
 * class Net(torch.nn.Module):
 *     def __init__(self):
 *         super().__init__()
 *         self.rnn = torch.nn.LSTM(12, 64, num_layers=2, batch_first=True)   # or GRU, RNN
 *         self.head = torch.nn.Linear(64, 9)
 *     def forward(self, x):
 *         out, (h_n, c_n) = self.rnn(x)
 *         return self.head(h_n[-1])          # bidirectional: torch.cat([h_n[-2], h_n[-1]], 1)
 * }</pre>
 *   Tensors {@code rnn.weight_ih_l<k>[_reverse]}, {@code rnn.weight_hh_l<k>}, {@code rnn.bias_ih_l<k>},
 *   {@code rnn.bias_hh_l<k>} become layer k, {@code head.weight}/{@code head.bias} the head. Other
 *   attribute names are given with {@link #load(ModelConfig, Path, String, String)}. The config must
 *   describe what one PyTorch module can be: every layer the same cell, width and direction, biases
 *   on, no residual connections or layer norms.</li>
 *   <li><b>rnn4j's own names</b>, as {@link ModelFiles} writes them: {@code layers.<i>.weight_ih_l0} ...
 *   (an {@code nn.ModuleList} of one-layer modules), {@code norms.<i>.weight/bias}
 *   ({@code nn.LayerNorm}s), {@code head.weight/bias}. Any config loads this way.</li>
 * </ul>
 *
 * <p>The head reads what {@link HeadSpec} says: LAST_STEP the last layer's final hidden state (both
 * directions, forward first), EVERY_STEP each step's output, ALL_STEPS every step's output
 * flattened. Names and shapes are checked from the file's header before any weight is read; a missing
 * or unexpected tensor is named, with the PyTorch name.
 */
public final class PyTorchModels {

    /** The attribute names of the natural layout's recurrent module and head. */
    public static final String RNN = "rnn";
    public static final String HEAD = "head";

    private static final Pattern LAYER_PARAM = Pattern.compile("layers\\.(\\d+)\\.(weight|bias)_(ih|hh)_l0(_reverse)?");

    private PyTorchModels() {
    }

    /** Loads a state dict of an {@code nn.Module} with a recurrent module {@code rnn} and an {@code nn.Linear} {@code head}. */
    public static SequenceModel load(ModelConfig config, Path safetensorsFile) throws IOException {
        return load(config, safetensorsFile, RNN, HEAD);
    }

    /**
     * As {@link #load(ModelConfig, Path)}, for a module whose recurrent module and linear head are
     * the attributes {@code rnnModule} and {@code headModule} (e.g. {@code "lstm"}, {@code "fc"}).
     * A file holding rnn4j's own names ({@code layers.0.weight_ih_l0} ...) loads whatever these say.
     */
    public static SequenceModel load(ModelConfig config, Path safetensorsFile, String rnnModule, String headModule)
            throws IOException {
        SequenceModel shape = SequenceModel.empty(config);
        Map<String, int[]> inFile = SafeTensors.shapes(safetensorsFile);
        boolean ownNames = inFile.containsKey("layers.0.weight_ih_l0");
        if (!ownNames && !inFile.containsKey(rnnModule + ".weight_ih_l0")) {
            throw new IOException(safetensorsFile + ": found neither '" + rnnModule + ".weight_ih_l0' (a PyTorch recurrent module named '"
                    + rnnModule + "') nor 'layers.0.weight_ih_l0' (rnn4j's names); the file holds " + inFile.keySet() + ".");
        }
        if (!ownNames) {
            requireOneModule(config, safetensorsFile);
        }
        // rnn4j name -> name in the file, in the model's parameter order
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, int[]> expected = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : shape.entries()) {
            String name = ownNames ? e.name() : pytorchName(e.name(), rnnModule, headModule);
            names.put(e.name(), name);
            expected.put(name, e.shape());
        }
        Map<String, Tensor> tensors = SafeTensors.read(safetensorsFile, expected);
        float[] flat = new float[shape.parameters().length];
        for (ParameterLayout.Entry e : shape.entries()) {
            System.arraycopy(tensors.get(names.get(e.name())).data(), 0, flat, e.offset(), e.size());
        }
        return SequenceModel.withParameters(config, flat);
    }

    /** The name of rnn4j parameter {@code name} in a module with one stacked recurrent module and a head. */
    static String pytorchName(String name, String rnnModule, String headModule) {
        Matcher m = LAYER_PARAM.matcher(name);
        if (m.matches()) {
            String reverse = m.group(4) == null ? "" : m.group(4);
            return rnnModule + "." + m.group(2) + "_" + m.group(3) + "_l" + m.group(1) + reverse;
        }
        if (name.startsWith("head.")) {
            return headModule + name.substring("head".length());
        }
        throw new IllegalStateException("No PyTorch name for parameter '" + name + "'."); // requireOneModule rules this out
    }

    /** A stacked nn.LSTM/GRU/RNN has one cell, width and direction for every layer, and nothing between layers. */
    private static void requireOneModule(ModelConfig config, Path file) {
        List<LayerSpec> layers = config.layers();
        LayerSpec first = layers.get(0);
        for (int i = 1; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            if (l.cell() != first.cell() || l.hiddenSize() != first.hiddenSize() || l.bidirectional() != first.bidirectional()) {
                throw new IllegalArgumentException(file + " holds one stacked recurrent module, but the config's layer " + i + " ("
                        + l.cell() + ", " + l.hiddenSize() + ", bidirectional " + l.bidirectional() + ") differs from layer 0 ("
                        + first.cell() + ", " + first.hiddenSize() + ", bidirectional " + first.bidirectional()
                        + "); save such a stack with rnn4j's names (layers.<i>.weight_ih_l0 ...).");
            }
        }
        if (config.residual() || config.layerNorm()) {
            throw new IllegalArgumentException(file + " holds one stacked recurrent module, which has no residual connections or "
                    + "layer norms between its layers, but the config asks for them; save such a model with rnn4j's names.");
        }
    }
}
