package dev.rnn4j.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rnn4j.nn.CellType;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole sequence model: input width, a stack of recurrent layers (any mix of cells and sizes) and
 * a dense head. Immutable and JSON-serialisable; a model is this config plus its parameters.
 *
 * <pre>{@code
 * ModelConfig c = ModelConfig.builder().inputs(12)
 *     .lstm(64).recurrentDropout(0.1).dropout(0.2)
 *     .gru(32)
 *     .denseOnLastStep(9).seed(42).build();
 * }</pre>
 *
 * @param formatVersion version of this record's JSON form
 * @param inputSize     features per timestep
 * @param layers        recurrent layers, bottom first
 * @param head          the output head
 * @param init          how parameters are drawn
 * @param seed          seed of the initial parameters
 * @param residual      add each inner layer's input to its output (layers 1..n-2 of a stack of three or more;
 *                      the widths must match); absent in older config files, meaning off
 * @param layerNorm     layer-normalise the output of every layer that feeds another (n-1 norms, PyTorch's
 *                      {@code nn.LayerNorm}, eps 1e-5); absent in older config files, meaning off
 */
public record ModelConfig(int formatVersion, int inputSize, List<LayerSpec> layers, HeadSpec head, InitSpec init, long seed,
                          // written only when on, so files of models without them read as before in older versions
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean residual,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean layerNorm) {

    public static final int FORMAT_VERSION = 1;

    public ModelConfig {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("model formatVersion must be " + FORMAT_VERSION + ", got " + formatVersion
                    + "; this model was written by an incompatible rnn4j version.");
        }
        if (inputSize <= 0) {
            throw new IllegalArgumentException("model inputSize must be > 0, got " + inputSize + ".");
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("model needs at least one recurrent layer, got none.");
        }
        if (head == null) {
            throw new IllegalArgumentException("model head must be given, got null.");
        }
        layers = List.copyOf(layers);
        init = init == null ? InitSpec.recommended() : init;
        if (layerNorm && layers.size() < 2) {
            throw new IllegalArgumentException("model layerNorm normalises between recurrent layers and needs at least 2 layers, got "
                    + layers.size() + ".");
        }
        if (residual) {
            checkResidualWidths(inputSize, layers);
        }
    }

    /** A config without residual connections or layer normalisation. */
    public ModelConfig(int formatVersion, int inputSize, List<LayerSpec> layers, HeadSpec head, InitSpec init, long seed) {
        this(formatVersion, inputSize, layers, head, init, seed, false, false);
    }

    /** Whether layer {@code index} adds its input to its output: the inner layers of a residual stack. */
    public boolean hasResidual(int index) {
        return residual && index > 0 && index < layers.size() - 1;
    }

    /** Whether layer {@code index}'s output is layer-normalised: every layer but the last of a layerNorm stack. */
    public boolean hasLayerNorm(int index) {
        return layerNorm && index < layers.size() - 1;
    }

    private static void checkResidualWidths(int inputSize, List<LayerSpec> layers) {
        if (layers.size() < 3) {
            throw new IllegalArgumentException("model residual connections join inner layers and need at least 3 layers, got "
                    + layers.size() + ".");
        }
        for (int i = 1; i < layers.size() - 1; i++) {
            int in = layers.get(i - 1).outputSize();
            int out = layers.get(i).outputSize();
            if (in != out) {
                throw new IllegalArgumentException("model residual connection around layer " + i + " needs its input width "
                        + in + " to equal its output width, got output width " + out + ".");
            }
        }
    }

    /** Width the layer at {@code index} reads. */
    public int layerInputSize(int index) {
        return index == 0 ? inputSize : layers.get(index - 1).outputSize();
    }

    /** Width of the last layer's output, what the head reads. */
    public int featureSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** Width of what the head reads per prediction: the features, times the steps for an ALL_STEPS head. */
    public int headInputSize() {
        return featureSize() * (head.kind() == HeadSpec.Kind.ALL_STEPS ? head.steps() : 1);
    }

    public ModelConfig withSeed(long newSeed) {
        return new ModelConfig(formatVersion, inputSize, layers, head, init, newSeed, residual, layerNorm);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a config layer by layer; dropout settings apply to the layer added last. */
    public static final class Builder {
        private int inputs;
        private final List<LayerSpec> layers = new ArrayList<>();
        private HeadSpec head;
        private InitSpec init = InitSpec.recommended();
        private long seed = 42;
        private boolean residual;
        private boolean layerNorm;

        public Builder inputs(int n) {
            this.inputs = n;
            return this;
        }

        public Builder layer(LayerSpec spec) {
            layers.add(spec);
            return this;
        }

        public Builder layer(CellType cell, int hidden) {
            return layer(LayerSpec.of(cell, hidden));
        }

        public Builder lstm(int hidden) {
            return layer(CellType.LSTM, hidden);
        }

        public Builder gru(int hidden) {
            return layer(CellType.GRU, hidden);
        }

        public Builder rnn(int hidden) {
            return layer(CellType.RNN_TANH, hidden);
        }

        public Builder bidirectional() {
            return replaceLast(last().withBidirectional(true));
        }

        public Builder dropout(double p) {
            return replaceLast(last().withDropout(p));
        }

        public Builder recurrentDropout(double p) {
            return replaceLast(last().withRecurrentDropout(p));
        }

        public Builder denseOnLastStep(int outputs) {
            this.head = new HeadSpec(HeadSpec.Kind.LAST_STEP, outputs);
            return this;
        }

        /** Many-to-one over fixed-length sequences of {@code steps}: the head reads every step's output. */
        public Builder denseOnAllSteps(int steps, int outputs) {
            this.head = new HeadSpec(HeadSpec.Kind.ALL_STEPS, outputs, steps);
            return this;
        }

        public Builder denseOnEveryStep(int outputs) {
            this.head = new HeadSpec(HeadSpec.Kind.EVERY_STEP, outputs);
            return this;
        }

        public Builder init(InitSpec spec) {
            this.init = spec;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Residual connections around the inner layers (a stack of three or more, equal widths). */
        public Builder residual() {
            this.residual = true;
            return this;
        }

        /** Layer normalisation of every layer's output that feeds another layer. */
        public Builder layerNorm() {
            this.layerNorm = true;
            return this;
        }

        public ModelConfig build() {
            return new ModelConfig(FORMAT_VERSION, inputs, layers, head, init, seed, residual, layerNorm);
        }

        private LayerSpec last() {
            if (layers.isEmpty()) {
                throw new IllegalStateException("Add a recurrent layer (lstm, gru, rnn) before setting its options.");
            }
            return layers.get(layers.size() - 1);
        }

        private Builder replaceLast(LayerSpec spec) {
            layers.set(layers.size() - 1, spec);
            return this;
        }
    }
}
