package dev.rnn4j.model;

import dev.rnn4j.init.Initializers;
import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.nn.InputGradients;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.nn.Parameters;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A recurrent stack plus a dense head, built from a {@link ModelConfig}: each layer is a
 * one-layer {@link RecurrentNetwork} (so dropout can sit between layers), the head a {@link Dense}.
 *
 * <p>All parameters live in one flat array ({@link #parameters()}), named
 * {@code layers.<i>.<pytorch name>}, {@code norms.<i>.weight}/{@code norms.<i>.bias} (layer norm after
 * layer i, when the config asks for it) and {@code head.weight}/{@code head.bias}; gradients use the
 * same layout, so optimisers, clipping and NaN checks are one loop over one array. The layers keep
 * their own copy of their slice for their kernels: call {@link #parametersChanged()} after writing
 * the flat array (the trainer does after every step).
 */
public final class SequenceModel {

    private final ModelConfig config;
    private final Kernels kernels;
    private final RecurrentNetwork[] layers;
    private final int[] layerOffsets;
    private final LayerNorm[] norms;
    private final Dense head;
    private final float[] values;
    private final List<ParameterLayout.Entry> entries;

    private SequenceModel(ModelConfig config, Kernels kernels) {
        this.config = config;
        this.kernels = kernels;
        int n = config.layers().size();
        this.layers = new RecurrentNetwork[n];
        this.layerOffsets = new int[n];
        List<ParameterLayout.Entry> all = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < n; i++) {
            LayerSpec s = config.layers().get(i);
            RecurrentConfig rc = new RecurrentConfig(s.cell(), config.layerInputSize(i), s.hiddenSize(), 1,
                    s.bidirectional(), true);
            layers[i] = new RecurrentNetwork(rc, kernels);
            layerOffsets[i] = offset;
            for (ParameterLayout.Entry e : layers[i].parameters().layout().entries()) {
                all.add(new ParameterLayout.Entry("layers." + i + "." + e.name(), e.shape(), offset + e.offset(), e.size()));
            }
            offset += layers[i].parameters().values().length;
        }
        this.norms = new LayerNorm[n];
        for (int i = 0; i < n; i++) {
            if (config.hasLayerNorm(i)) {
                int w = config.layers().get(i).outputSize();
                norms[i] = new LayerNorm(w, offset);
                all.add(new ParameterLayout.Entry("norms." + i + ".weight", new int[] {w}, norms[i].weightOffset, w));
                all.add(new ParameterLayout.Entry("norms." + i + ".bias", new int[] {w}, norms[i].biasOffset, w));
                offset += norms[i].parameterCount();
            }
        }
        int in = config.headInputSize();
        int out = config.head().outputs();
        this.head = new Dense(in, out, offset);
        all.add(new ParameterLayout.Entry("head.weight", new int[] {out, in}, head.weightOffset, in * out));
        all.add(new ParameterLayout.Entry("head.bias", new int[] {out}, head.biasOffset, out));
        offset += head.parameterCount();
        this.values = new float[offset];
        this.entries = Collections.unmodifiableList(all);
    }

    /** A new model with parameters drawn as {@link ModelConfig#init()} says, from {@link ModelConfig#seed()}. */
    public static SequenceModel create(ModelConfig config) {
        return create(config, KernelProvider.get());
    }

    public static SequenceModel create(ModelConfig config, Kernels kernels) {
        SequenceModel m = new SequenceModel(config, kernels);
        Initializers.initialize(m, new SplittableRandom(config.seed()));
        m.parametersChanged();
        return m;
    }

    /** A model whose parameters are all zero (to be filled from a file). */
    static SequenceModel empty(ModelConfig config) {
        return new SequenceModel(config, KernelProvider.get());
    }

    /** A model with the given flat parameters (e.g. from a file); {@code flat} is copied. */
    public static SequenceModel withParameters(ModelConfig config, float[] flat) {
        SequenceModel m = new SequenceModel(config, KernelProvider.get());
        if (flat.length != m.values.length) {
            throw new IllegalArgumentException("Model needs " + m.values.length + " parameters, got " + flat.length + ".");
        }
        System.arraycopy(flat, 0, m.values, 0, flat.length);
        m.parametersChanged();
        return m;
    }

    public ModelConfig config() {
        return config;
    }

    /** The live flat parameters; call {@link #parametersChanged()} after writing them. */
    public float[] parameters() {
        return values;
    }

    /** Named slices of {@link #parameters()}, in order. */
    public List<ParameterLayout.Entry> entries() {
        return entries;
    }

    /** The name of the parameter that holds flat index {@code i}. */
    public String parameterAt(int i) {
        for (ParameterLayout.Entry e : entries) {
            if (i >= e.offset() && i < e.offset() + e.size()) {
                return e.name();
            }
        }
        throw new IndexOutOfBoundsException("Flat parameter index " + i + " is outside 0.." + (values.length - 1) + ".");
    }

    /** Pushes the flat array into the layers' kernels-side copies. */
    public void parametersChanged() {
        for (int i = 0; i < layers.length; i++) {
            float[] dst = layers[i].parameters().values();
            System.arraycopy(values, layerOffsets[i], dst, 0, dst.length);
        }
    }

    public int outputSize() {
        return config.head().outputs();
    }

    /** Plain inference: no dropout, zero initial state. */
    public Tensor predict(Tensor x, int[] lengths) {
        return forward(x, lengths, null, null, null).output();
    }

    /**
     * Runs the model.
     *
     * @param x              input {@code [B, T, inputSize]}
     * @param lengths        valid length per row, or null for all T
     * @param initial        state to start from (stateful training, truncated BPTT), or null for zeros
     * @param recurrentMasks per layer, the variational mask {@code [D, B, H]} (see {@link #sampleRecurrentMasks}), or null
     * @param dropoutRandom  source of plain-dropout masks while training; null at inference
     */
    public ModelPass forward(Tensor x, int[] lengths, ModelState initial, Tensor[] recurrentMasks,
                             SplittableRandom dropoutRandom) {
        int batch = x.dim(0);
        int time = x.dim(1);
        if (config.head().kind() == HeadSpec.Kind.ALL_STEPS && time != config.head().steps()) {
            throw new IllegalArgumentException("This model's head reads all " + config.head().steps()
                    + " steps of fixed-length sequences, got sequences of " + time + " steps.");
        }
        RecurrentOutput[] outs = new RecurrentOutput[layers.length];
        float[][] masks = new float[layers.length][];
        LayerNorm.Cache[] normCaches = new LayerNorm.Cache[layers.length];
        Tensor input = x;
        float[] headInput = null;
        for (int i = 0; i < layers.length; i++) {
            LayerSpec spec = config.layers().get(i);
            outs[i] = layers[i].forward(input, lengths,
                    initial == null ? null : initial.h().get(i), initial == null ? null : initial.c().get(i),
                    recurrentMasks == null ? null : recurrentMasks[i]);
            boolean last = i == layers.length - 1;
            float[] features = last && config.head().kind() == HeadSpec.Kind.LAST_STEP
                    ? lastStepFeatures(outs[i].hN())
                    : outs[i].output().data().clone();
            if (config.hasResidual(i)) {
                float[] in = input.data(); // zero at padded steps, like the layer's output
                for (int j = 0; j < features.length; j++) {
                    features[j] += in[j];
                }
            }
            if (norms[i] != null) {
                float[] normalised = new float[features.length];
                normCaches[i] = norms[i].forward(values, features, batch, time, lengths, normalised);
                features = normalised;
            }
            if (dropoutRandom != null && spec.dropout() > 0) {
                masks[i] = Dropout.mask(features.length, spec.dropout(), dropoutRandom);
                Dropout.apply(features, masks[i]);
            }
            if (last) {
                headInput = features;
            } else {
                input = Tensor.of(features, batch, time, spec.outputSize());
            }
        }
        int rows = config.head().perSequence() ? batch : batch * time;
        float[] y = new float[rows * head.out];
        head.forward(kernels, values, headInput, rows, y);
        Tensor output = config.head().perSequence()
                ? Tensor.of(y, batch, head.out) : Tensor.of(y, batch, time, head.out);
        return new ModelPass(batch, time, lengths, outs, masks, normCaches, headInput, output);
    }

    /**
     * Backpropagates {@code dOutput} (same shape as the pass's output; zero where the loss ignores a
     * position) and <em>adds</em> every parameter gradient into {@code gradients} (flat layout).
     * The carried-in state is treated as a constant (detached).
     *
     * @return per layer, the gradients of its input sequence and initial state
     */
    public InputGradients[] backward(ModelPass pass, Tensor dOutput, float[] gradients) {
        return backward(pass, dOutput, gradients, true);
    }

    /**
     * {@link #backward(ModelPass, Tensor, float[])}, leaving out the gradient of the model's input
     * sequence (the first layer's {@code dx} is then null) unless {@code inputGradient}: training
     * on data, nothing needs it, and it costs a product as large as the first input projection.
     */
    public InputGradients[] backward(ModelPass pass, Tensor dOutput, float[] gradients, boolean inputGradient) {
        if (gradients.length != values.length) {
            throw new IllegalArgumentException("gradients must have " + values.length + " values, got " + gradients.length + ".");
        }
        int batch = pass.batch;
        int time = pass.time;
        int rows = config.head().perSequence() ? batch : batch * time;
        float[] dFeatures = head.backward(kernels, values, gradients, pass.headInput, dOutput.data(), rows);
        InputGradients[] result = new InputGradients[layers.length];
        Tensor dSeq = null;
        Tensor dhN = null;
        int last = layers.length - 1;
        if (pass.dropoutMasks[last] != null) {
            Dropout.apply(dFeatures, pass.dropoutMasks[last]);
        }
        if (config.head().kind() == HeadSpec.Kind.LAST_STEP) {
            dhN = lastStepGradientToState(dFeatures, batch, config.layers().get(last));
        } else {
            // every step (one row each) or all steps (one row of T*W per sequence): the same [B, T, W] layout
            dSeq = Tensor.of(dFeatures, batch, time, config.featureSize());
        }
        for (int i = last; i >= 0; i--) {
            if (pass.normCaches[i] != null) {
                dSeq = Tensor.of(norms[i].backward(values, gradients, pass.normCaches[i], dSeq.data()), dSeq.shape());
            }
            Parameters g = layers[i].newGradients();
            result[i] = layers[i].backward(pass.layers[i], dSeq, dhN, null, g, i > 0 || inputGradient);
            float[] gv = g.values();
            int off = layerOffsets[i];
            for (int j = 0; j < gv.length; j++) {
                gradients[off + j] += gv[j];
            }
            if (i > 0) {
                Tensor dIn = result[i].dx();
                if (config.hasResidual(i)) {
                    // the skip path: the input reached the output unchanged
                    float[] sum = dIn.data().clone();
                    float[] dOut = dSeq.data();
                    for (int j = 0; j < sum.length; j++) {
                        sum[j] += dOut[j];
                    }
                    dIn = Tensor.of(sum, dIn.shape());
                }
                if (pass.dropoutMasks[i - 1] != null) {
                    Dropout.apply(dIn.data(), pass.dropoutMasks[i - 1]);
                }
                dSeq = dIn;
                dhN = null;
            }
        }
        return result;
    }

    /** One variational mask per layer with recurrent dropout (null elsewhere), for a batch of {@code batch} sequences. */
    public Tensor[] sampleRecurrentMasks(int batch, SplittableRandom random) {
        Tensor[] masks = new Tensor[layers.length];
        for (int i = 0; i < layers.length; i++) {
            LayerSpec s = config.layers().get(i);
            if (s.recurrentDropout() > 0) {
                int dirs = s.bidirectional() ? 2 : 1;
                masks[i] = Tensor.of(Dropout.mask(dirs * batch * s.hiddenSize(), s.recurrentDropout(), random),
                        dirs, batch, s.hiddenSize());
            }
        }
        return masks;
    }

    /** [D, B, H] final states to [B, D*H] features: forward direction first, as PyTorch concatenates. */
    private static float[] lastStepFeatures(Tensor hN) {
        int dirs = hN.dim(0);
        int batch = hN.dim(1);
        int hidden = hN.dim(2);
        float[] f = new float[batch * dirs * hidden];
        for (int d = 0; d < dirs; d++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(hN.data(), (d * batch + b) * hidden, f, (b * dirs + d) * hidden, hidden);
            }
        }
        return f;
    }

    private static Tensor lastStepGradientToState(float[] dFeatures, int batch, LayerSpec spec) {
        int dirs = spec.bidirectional() ? 2 : 1;
        int hidden = spec.hiddenSize();
        float[] dh = new float[dirs * batch * hidden];
        for (int d = 0; d < dirs; d++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(dFeatures, (b * dirs + d) * hidden, dh, (d * batch + b) * hidden, hidden);
            }
        }
        return Tensor.of(dh, dirs, batch, hidden);
    }
}
