package dev.rnn4j.model;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.StreamBatch;
import dev.rnn4j.nn.StreamState;
import dev.rnn4j.nn.StreamingNetwork;
import dev.rnn4j.quant.Int8Kernel;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole {@link SequenceModel} served one step at a time: the recurrent layers as
 * {@link StreamingNetwork}s (float32 or int8), then the residual connections, layer norms and the
 * dense head, per step. Immutable and shared between threads; each stream has a {@link ModelStream}.
 *
 * <pre>{@code
 * StreamingModel live = StreamingModel.load(Path.of("model"));   // int8 if the file is quantised
 * ModelStream s = live.newStream();
 * float[] y = new float[live.outputSize()];
 * for (float[] reading : sensor) live.step(reading, s, y);         // no allocation per step
 * }</pre>
 *
 * <p>After step t, {@code y} is what the model outputs for the sequence read so far: for a
 * last-step head, the prediction if the sequence ended there; for an every-step head, step t's
 * output. Guard rails: input of the wrong width is refused naming both widths; a stream that runs
 * longer than the maximum trained length logs one warning per model ({@link LengthGuard}).
 * A bidirectional layer or an all-steps head reads the future and cannot stream.
 */
public final class StreamingModel {

    private final ModelConfig config;
    private final Kernels kernels;
    private final StreamingNetwork[] layers;
    private final LayerNorm[] norms;
    private final Dense head;
    /** Copy of the model's flat parameters, read by the norms and the head. */
    private final float[] params;
    private final int maxWidth;
    private final LengthGuard guard;

    private StreamingModel(SequenceModel model, Int8Kernel int8, LengthGuard guard, int threads) {
        this(model, int8, guard, KernelProvider.get(), threads);
    }

    /** With the given float kernels (tests measure allocation on the scalar ones, whose allocation does not depend on the JIT). */
    StreamingModel(SequenceModel model, Int8Kernel int8, LengthGuard guard, Kernels kernels) {
        this(model, int8, guard, kernels, 1);
    }

    /** A float32 step of each large recurrent layer may use {@code threads} threads (see {@link RecurrentNetwork#streaming(int)}). */
    StreamingModel(SequenceModel model, Int8Kernel int8, LengthGuard guard, Kernels kernels, int threads) {
        this.config = model.config();
        if (config.head().kind() == HeadSpec.Kind.ALL_STEPS) {
            throw new IllegalArgumentException("This model's head reads all " + config.head().steps()
                    + " steps at once, so it cannot stream; score whole sequences with SequenceModel.predict.");
        }
        this.kernels = kernels;
        this.params = model.parameters().clone();
        this.guard = guard;
        int n = config.layers().size();
        this.layers = new StreamingNetwork[n];
        this.norms = new LayerNorm[n];
        Map<String, ParameterLayout.Entry> byName = new LinkedHashMap<>();
        model.entries().forEach(e -> byName.put(e.name(), e));
        int width = config.inputSize();
        for (int i = 0; i < n; i++) {
            LayerSpec s = config.layers().get(i);
            if (s.bidirectional()) {
                throw new IllegalArgumentException("Layer " + i + " is bidirectional: its reverse direction needs the whole sequence, "
                        + "so the model cannot stream; score whole sequences with SequenceModel.predict.");
            }
            RecurrentConfig rc = new RecurrentConfig(s.cell(), config.layerInputSize(i), s.hiddenSize(), 1, false, true);
            Map<String, Tensor> stateDict = new LinkedHashMap<>();
            String prefix = "layers." + i + ".";
            for (ParameterLayout.Entry e : model.entries()) {
                if (e.name().startsWith(prefix)) {
                    stateDict.put(e.name().substring(prefix.length()),
                            Tensor.of(Arrays.copyOfRange(params, e.offset(), e.offset() + e.size()), e.shape()));
                }
            }
            RecurrentNetwork net = new RecurrentNetwork(rc, kernels);
            net.loadStateDict(stateDict);
            layers[i] = int8 == null ? net.streaming(threads) : net.streamingInt8(int8);
            if (config.hasLayerNorm(i)) {
                norms[i] = new LayerNorm(s.outputSize(), byName.get("norms." + i + ".weight").offset());
            }
            width = Math.max(width, s.outputSize());
        }
        this.maxWidth = width;
        this.head = new Dense(config.featureSize(), config.head().outputs(), byName.get("head.weight").offset());
    }

    /** Streams {@code model} in float32, warning (once) past {@code maxTrainedLength} steps (0: never). */
    public static StreamingModel of(SequenceModel model, int maxTrainedLength) {
        return of(model, maxTrainedLength, 1);
    }

    /**
     * Streams {@code model} in float32, each step of a large recurrent layer shared by up to
     * {@code threads} threads, the caller included ({@link RecurrentNetwork#streaming(int)}: for
     * one stream stepped back to back; same outputs as one thread).
     */
    public static StreamingModel of(SequenceModel model, int maxTrainedLength, int threads) {
        return new StreamingModel(model, null, new LengthGuard(maxTrainedLength, "model"), threads);
    }

    /** Streams {@code model} with int8 recurrent weights (see {@link RecurrentNetwork#streamingInt8}). */
    public static StreamingModel int8(SequenceModel model, int maxTrainedLength) {
        return new StreamingModel(model, Int8Kernel.best(), new LengthGuard(maxTrainedLength, "model"), 1);
    }

    /**
     * Loads a model file for streaming: int8 when the file is quantised ({@link QuantizedModelFiles}),
     * else float32, with the trained-length guard from its model card ({@code max_trained_length}).
     */
    public static StreamingModel load(Path path) throws IOException {
        return load(path, 1);
    }

    /**
     * {@link #load(Path)}, with each float32 step of a large recurrent layer shared by up to
     * {@code threads} threads (see {@link #of(SequenceModel, int, int)}); int8 steps run on the caller.
     */
    public static StreamingModel load(Path path, int threads) throws IOException {
        SequenceModel model = ModelFiles.loadAny(path);
        com.fasterxml.jackson.databind.JsonNode json = ModelFiles.json().readTree(configBytes(path));
        int max = ModelFiles.card(json).path("max_trained_length").asInt(0);
        boolean quantized = json.has(QuantizedModelFiles.QUANTIZATION);
        // A quantised file holds int8 x scale; quantising that again gives back the same int8 values and scales.
        return new StreamingModel(model, quantized ? Int8Kernel.best() : null, new LengthGuard(max, path.toString()), threads);
    }

    private static byte[] configBytes(Path path) throws IOException {
        if (java.nio.file.Files.isDirectory(path)) {
            return java.nio.file.Files.readAllBytes(path.resolve(ModelFiles.CONFIG));
        }
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(path)) {
            return java.nio.file.Files.readAllBytes(zip.getPath("/", ModelFiles.CONFIG));
        }
    }

    public ModelConfig config() {
        return config;
    }

    /** {@code float32}, or {@code int8} with the kernel. */
    public String precision() {
        return layers[0].precision();
    }

    public int inputSize() {
        return config.inputSize();
    }

    /** Outputs per step: the head's. */
    public int outputSize() {
        return config.head().outputs();
    }

    /** The trained-length guard of this model (how many warnings it has given). */
    public LengthGuard lengthGuard() {
        return guard;
    }

    /** A fresh stream: zero state, zero steps. */
    public ModelStream newStream() {
        StreamState[] s = new StreamState[layers.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = layers[i].newState();
        }
        return new ModelStream(s, maxWidth);
    }

    /**
     * Advances stream {@code s} by one step with input {@code x} ({@link #inputSize()} floats) and
     * writes the head's output into {@code out} ({@link #outputSize()} floats). No allocation.
     */
    public void step(float[] x, ModelStream s, float[] out) {
        if (x.length != config.inputSize()) {
            throw new IllegalArgumentException("Input has " + x.length + " features per step, but the model expects "
                    + config.inputSize() + " (its inputSize).");
        }
        if (out.length < config.head().outputs()) {
            throw new IllegalArgumentException("out must have room for " + config.head().outputs() + " outputs, got " + out.length + ".");
        }
        if (s.layers.length != layers.length || s.a.length != maxWidth) {
            throw new IllegalArgumentException("This stream belongs to a model of another shape; create streams with this model's newStream().");
        }
        s.steps++;
        guard.check(s.steps);
        float[] in = x;
        for (int l = 0; l < layers.length; l++) {
            float[] y = (l % 2 == 0) ? s.a : s.b;
            layers[l].step(in, s.layers[l], y);
            afterLayer(l, in, 0, y, 0);
            in = y;
        }
        head.forward(kernels, params, in, 1, out);
    }

    /** Residual connection and layer norm after layer {@code l}, on one row: {@code y} is its output, {@code in} its input. */
    private void afterLayer(int l, float[] in, int inOff, float[] y, int yOff) {
        int w = config.layers().get(l).outputSize();
        if (config.hasResidual(l)) {
            for (int j = 0; j < w; j++) {
                y[yOff + j] += in[inOff + j];
            }
        }
        if (norms[l] != null) {
            norms[l].normalizeRow(params, y, yOff, y, yOff, null, null, 0);
        }
    }

    /** Scratch for stepping up to {@code capacity} streams at once ({@link #step(float[], ModelStream[], int, float[], Batch)}); one per thread. */
    public Batch newBatch(int capacity) {
        return new Batch(capacity);
    }

    /**
     * Advances {@code count} streams at once: stream {@code i} reads row {@code i} of {@code x}
     * ({@code count} rows of {@link #inputSize()}) and its output goes to row {@code i} of
     * {@code out}. Equal to stepping each alone up to the order of float additions; no allocation.
     */
    public void step(float[] x, ModelStream[] streams, int count, float[] out, Batch batch) {
        int inputs = config.inputSize();
        int outputs = config.head().outputs();
        if (batch.owner != this) {
            throw new IllegalArgumentException("This batch scratch belongs to another model; create it with this model's newBatch().");
        }
        if (count < 1 || count > batch.capacity || count > streams.length) {
            throw new IllegalArgumentException("count must be between 1 and " + Math.min(batch.capacity, streams.length)
                    + " (the batch's capacity and the streams given), got " + count + ".");
        }
        if (x.length < count * inputs) {
            throw new IllegalArgumentException("Input has " + x.length + " floats, but " + count + " streams of the model's inputSize "
                    + inputs + " need " + count * inputs + ".");
        }
        if (out.length < count * outputs) {
            throw new IllegalArgumentException("out must have room for " + count * outputs + " outputs, got " + out.length + ".");
        }
        for (int i = 0; i < count; i++) {
            ModelStream s = streams[i];
            if (s.layers.length != layers.length || s.a.length != maxWidth) {
                throw new IllegalArgumentException("streams[" + i + "] belongs to a model of another shape.");
            }
            s.steps++;
            guard.check(s.steps);
        }
        float[] in = x;
        int inWidth = inputs;
        for (int l = 0; l < layers.length; l++) {
            for (int i = 0; i < count; i++) {
                batch.states[i] = streams[i].layers[l];
            }
            float[] y = (l % 2 == 0) ? batch.a : batch.b;
            int w = config.layers().get(l).outputSize();
            layers[l].step(in, batch.states, count, y, batch.layers[l]);
            for (int i = 0; i < count; i++) {
                afterLayer(l, in, i * inWidth, y, i * w);
            }
            in = y;
            inWidth = w;
        }
        head.forward(kernels, params, in, count, out);
    }

    /** Scratch for the batched step of one {@link StreamingModel}; one per thread. */
    public final class Batch {
        private final StreamingModel owner = StreamingModel.this;
        private final int capacity;
        private final StreamState[] states;
        private final StreamBatch[] layers;
        private final float[] a;
        private final float[] b;

        private Batch(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("A batch needs room for at least 1 stream, got " + capacity + ".");
            }
            this.capacity = capacity;
            this.states = new StreamState[capacity];
            this.layers = new StreamBatch[StreamingModel.this.layers.length];
            for (int l = 0; l < layers.length; l++) {
                layers[l] = StreamingModel.this.layers[l].newBatch(capacity);
            }
            this.a = new float[capacity * maxWidth];
            this.b = new float[capacity * maxWidth];
        }

        public int capacity() {
            return capacity;
        }
    }
}
