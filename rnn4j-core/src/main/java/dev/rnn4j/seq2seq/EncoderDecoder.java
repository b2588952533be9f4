package dev.rnn4j.seq2seq;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.nn.InputGradients;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import dev.rnn4j.train.Loss;
import dev.rnn4j.train.Losses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sequence-to-sequence model (Sutskever et al. 2014; Luong et al. 2015): embedded source
 * symbols → encoder stack → {@link Bridge} → decoder stack over embedded target symbols →
 * optional {@link LuongAttention} → dense layer → one logit per target symbol.
 *
 * <pre>{@code
 * EncoderDecoder m = EncoderDecoder.create(Seq2SeqConfig.of(CellType.LSTM, 12, 14, 16, 64, 0, 1), 7);
 * EncoderDecoder.Pass pass = m.forward(sources, m.teacherInputs(targets));  // start symbol, then the truth
 * Seq2SeqGradients g = m.newGradients();
 * double loss = m.backward(pass, targets, g);                                // mean cross-entropy per symbol
 * int[][] out = Decoding.greedy(m, sources, 50);
 * }</pre>
 *
 * <p>Training runs the decoder over whole sequences: its inputs are fixed in advance (the truth
 * for teacher forcing, or a mixture chosen by {@link ScheduledFeeding}), so forward and backward
 * are single passes of the stacks. Decoding runs the same layers one step at a time
 * ({@link DecoderSteps}).
 */
public final class EncoderDecoder {

    private static final Loss CROSS_ENTROPY = Losses.crossEntropy();

    private final Seq2SeqConfig config;
    private final Kernels kernels;
    private final RecurrentNetwork encoder;
    private final RecurrentNetwork decoder;
    private final HeadLayout layout;
    private final float[] head;
    private final Bridge hiddenBridge;
    private final Bridge cellBridge;
    private final LuongAttention attention;

    /** A model with zero parameters on the given kernels. */
    public EncoderDecoder(Seq2SeqConfig config, Kernels kernels) {
        this.config = config;
        this.kernels = kernels;
        this.encoder = new RecurrentNetwork(config.encoderConfig(), kernels);
        this.decoder = new RecurrentNetwork(config.decoderConfig(), kernels);
        this.layout = new HeadLayout(config);
        this.head = new float[layout.size()];
        this.hiddenBridge = new Bridge(config, layout.bridgeHidden, true);
        this.cellBridge = config.cell().hasCellState() ? new Bridge(config, layout.bridgeCell, false) : null;
        this.attention = config.attention() == AttentionScore.NONE ? null : new LuongAttention(config, layout);
    }

    /**
     * A model initialised as PyTorch does each part: recurrent and dense weights from
     * U(-1/sqrt(fan), 1/sqrt(fan)), embeddings from N(0, 1); seeded.
     */
    public static EncoderDecoder create(Seq2SeqConfig config, long seed) {
        return create(config, KernelProvider.get(), seed);
    }

    public static EncoderDecoder create(Seq2SeqConfig config, Kernels kernels, long seed) {
        EncoderDecoder m = new EncoderDecoder(config, kernels);
        SplittableRandom random = new SplittableRandom(seed);
        uniform(m.encoder.parameters().values(), 0, m.encoder.parameters().values().length, config.encoderHidden(), random);
        uniform(m.decoder.parameters().values(), 0, m.decoder.parameters().values().length, config.decoderHidden(), random);
        HeadLayout l = m.layout;
        l.sourceEmbedding.initialize(m.head, l.sourceEmbeddingOffset, random);
        l.targetEmbedding.initialize(m.head, l.targetEmbeddingOffset, random);
        for (ParameterLayout.Entry e : l.entries()) {
            if (!e.name().endsWith("embedding.weight")) {
                int fanIn = e.name().endsWith(".bias") ? fanInOfBias(l, e) : e.shape()[e.shape().length - 1];
                uniform(m.head, e.offset(), e.size(), fanIn, random);
            }
        }
        return m;
    }

    /** PyTorch's nn.Linear bounds its bias by the weight's fan-in: the entry just before it. */
    private static int fanInOfBias(HeadLayout l, ParameterLayout.Entry bias) {
        ParameterLayout.Entry weight = l.entries().get(l.entries().indexOf(bias) - 1);
        return weight.shape()[1];
    }

    private static void uniform(float[] w, int off, int n, int fanIn, SplittableRandom random) {
        double bound = 1.0 / Math.sqrt(fanIn);
        for (int i = 0; i < n; i++) {
            w[off + i] = (float) random.nextDouble(-bound, bound);
        }
    }

    public Seq2SeqConfig config() {
        return config;
    }

    Kernels kernels() {
        return kernels;
    }

    /** Threads each recurrent pass may use (see {@link RecurrentNetwork#setThreads}). */
    public void setThreads(int threads) {
        encoder.setThreads(threads);
        decoder.setThreads(threads);
    }

    /** The live parameter arrays: encoder stack, decoder stack, the rest; an optimiser updates them in place. */
    public float[][] parameterGroups() {
        return new float[][] {encoder.parameters().values(), decoder.parameters().values(), head};
    }

    public int parameterCount() {
        return encoder.parameters().values().length + decoder.parameters().values().length + head.length;
    }

    public Seq2SeqGradients newGradients() {
        return new Seq2SeqGradients(encoder.newGradients(), decoder.newGradients(), new float[head.length]);
    }

    /** Every parameter by name: {@code encoder.*} and {@code decoder.*} in PyTorch's names, then the rest. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        encoder.stateDict().forEach((k, v) -> out.put("encoder." + k, v));
        decoder.stateDict().forEach((k, v) -> out.put("decoder." + k, v));
        for (ParameterLayout.Entry e : layout.entries()) {
            out.put(e.name(), Tensor.of(Arrays.copyOfRange(head, e.offset(), e.offset() + e.size()), e.shape()));
        }
        return out;
    }

    /** The name and shape of every parameter, as {@link #stateDict()} has them. */
    public Map<String, int[]> parameterShapes() {
        Map<String, int[]> out = new LinkedHashMap<>();
        stateDict().forEach((k, v) -> out.put(k, v.shape()));
        return out;
    }

    /** Loads what {@link #stateDict()} wrote; names and shapes must match exactly. */
    public void load(Map<String, Tensor> weights) {
        Map<String, int[]> expected = parameterShapes();
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Tensor t = weights.get(e.getKey());
            if (t == null || !t.hasShape(e.getValue())) {
                throw new IllegalArgumentException("Parameter " + e.getKey() + " must have shape " + Arrays.toString(e.getValue())
                        + ", got " + (t == null ? "nothing" : t.shapeString()) + ".");
            }
        }
        if (weights.size() != expected.size()) {
            throw new IllegalArgumentException("Expected exactly the parameters " + expected.keySet() + ", got " + weights.keySet() + ".");
        }
        encoder.loadStateDict(strip(weights, "encoder."));
        decoder.loadStateDict(strip(weights, "decoder."));
        for (ParameterLayout.Entry e : layout.entries()) {
            System.arraycopy(weights.get(e.name()).data(), 0, head, e.offset(), e.size());
        }
    }

    private static Map<String, Tensor> strip(Map<String, Tensor> weights, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        weights.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** A parameter's name and an element's flat index inside it. */
    public record ParameterElement(String name, int element) {
    }

    /** Which parameter holds element {@code index} of parameter group {@code group} (see {@link #parameterGroups()}). */
    public ParameterElement parameterAt(int group, int index) {
        java.util.List<ParameterLayout.Entry> entries = switch (group) {
            case 0 -> encoder.parameters().layout().entries();
            case 1 -> decoder.parameters().layout().entries();
            default -> layout.entries();
        };
        String prefix = group == 0 ? "encoder." : group == 1 ? "decoder." : "";
        for (ParameterLayout.Entry e : entries) {
            if (index >= e.offset() && index < e.offset() + e.size()) {
                return new ParameterElement(prefix + e.name(), index - e.offset());
            }
        }
        throw new IllegalArgumentException("No parameter holds element " + index + " of group " + group + ".");
    }

    /** Teacher-forcing decoder inputs: the start symbol, then each target symbol (not the end symbol). */
    public int[][] teacherInputs(int[][] targets) {
        int[][] inputs = new int[targets.length][];
        for (int b = 0; b < targets.length; b++) {
            inputs[b] = new int[targets[b].length + 1];
            inputs[b][0] = config.startSymbol();
            System.arraycopy(targets[b], 0, inputs[b], 1, targets[b].length);
        }
        return inputs;
    }

    /** The encoder's view of a batch of sources, for attention and for the decoder's initial state. */
    record Encoded(SymbolBatch source, RecurrentOutput output, LuongAttention.Source attended, Bridge.Pass hidden,
                   Bridge.Pass cell) {
    }

    /** Runs the embeddings, the encoder and the bridge; {@code train}: keep what backward needs. */
    Encoded encode(int[][] sources, boolean train) {
        SymbolBatch src = SymbolBatch.of(sources, "source");
        float[] x = embed(layout.sourceEmbedding, layout.sourceEmbeddingOffset, src);
        Tensor input = Tensor.of(x, src.rows(), src.steps(), config.embeddingSize());
        RecurrentOutput out = train ? encoder.forward(input, src.lengths()) : encoder.infer(input, src.lengths(), null, null);
        LuongAttention.Source attended = attention == null ? null
                : attention.keys(kernels, head, out.output().data(), src.lengths(), src.rows(), src.steps());
        Bridge.Pass h = hiddenBridge.forward(kernels, head, out.hN().data(), src.rows());
        Bridge.Pass c = cellBridge == null ? null : cellBridge.forward(kernels, head, out.cN().data(), src.rows());
        return new Encoded(src, out, attended, h, c);
    }

    private float[] embed(dev.rnn4j.model.Embedding table, int offset, SymbolBatch batch) {
        float[] x = new float[batch.rows() * batch.steps() * config.embeddingSize()];
        table.forward(head, offset, batch.ids(), x, 0, config.embeddingSize());
        return x;
    }

    /** The decoder's input at one step: embedded symbols [B, 1, E]. */
    Tensor embedTargets(int[] symbols) {
        SymbolBatch step = new SymbolBatch(symbols, null, symbols.length, 1);
        return Tensor.of(embed(layout.targetEmbedding, layout.targetEmbeddingOffset, step), symbols.length, 1,
                config.embeddingSize());
    }

    /** Decoder outputs [B, T, Hd] to logits [B*T, V], through attention when present. */
    float[] logits(LuongAttention.Source attended, float[] decoded, int rows, int steps, LuongAttention.Pass[] attentionPass) {
        float[] top = decoded;
        if (attention != null) {
            LuongAttention.Pass p = attention.forward(kernels, head, attended, decoded, steps);
            attentionPass[0] = p;
            top = p.out();
        }
        float[] logits = new float[rows * steps * config.targetVocabulary()];
        layout.output.forward(kernels, head, top, rows * steps, logits);
        return logits;
    }

    RecurrentNetwork decoder() {
        return decoder;
    }

    /** A forward pass over whole sequences, kept for {@link #backward}. */
    public static final class Pass {
        final Encoded encoded;
        final SymbolBatch inputs;
        final RecurrentOutput decoded;
        final LuongAttention.Pass attention;
        final float[] logits;

        Pass(Encoded encoded, SymbolBatch inputs, RecurrentOutput decoded, LuongAttention.Pass attention, float[] logits) {
            this.encoded = encoded;
            this.inputs = inputs;
            this.decoded = decoded;
            this.attention = attention;
            this.logits = logits;
        }

        /** Logits [B * T, V], row b*T + t for the decoder's step t on sequence b (T: the longest input). */
        public float[] logits() {
            return logits;
        }

        /** T: the number of decoder steps of this pass. */
        public int steps() {
            return inputs.steps();
        }
    }

    /**
     * Runs the whole model with fixed decoder inputs; {@code decoderInputs[b]} is fed at steps
     * 0..n (the start symbol first), so it is one longer than the target it predicts.
     */
    public Pass forward(int[][] sources, int[][] decoderInputs) {
        return run(sources, decoderInputs, true);
    }

    /** {@code train}: keep the stacks' caches for backward (else they are reused at once). */
    private Pass run(int[][] sources, int[][] decoderInputs, boolean train) {
        if (sources.length != decoderInputs.length) {
            throw new IllegalArgumentException("Expected one decoder input per source (" + sources.length + "), got "
                    + decoderInputs.length + ".");
        }
        Encoded enc = encode(sources, train);
        SymbolBatch in = SymbolBatch.of(decoderInputs, "decoder input");
        Tensor x = Tensor.of(embed(layout.targetEmbedding, layout.targetEmbeddingOffset, in), in.rows(), in.steps(),
                config.embeddingSize());
        Tensor h0 = initialState(enc.hidden());
        Tensor c0 = initialState(enc.cell());
        RecurrentOutput dec = train ? decoder.forward(x, in.lengths(), h0, c0) : decoder.infer(x, in.lengths(), h0, c0);
        LuongAttention.Pass[] att = new LuongAttention.Pass[1];
        float[] logits = logits(enc.attended(), dec.output().data(), in.rows(), in.steps(), att);
        return new Pass(enc, in, dec, att[0], logits);
    }

    Tensor initialState(Bridge.Pass pass) {
        return pass == null ? null : Tensor.of(pass.out().clone(), config.layers(), pass.batch(), config.decoderHidden());
    }

    /**
     * The mean cross-entropy over every target symbol of the batch, end symbols included, and its
     * gradient added to {@code g}. {@code targets[b]} excludes the end symbol, which this method
     * appends; its length must be the decoder input's minus one. Consumes the pass.
     */
    public double backward(Pass pass, int[][] targets, Seq2SeqGradients g) {
        SymbolBatch in = pass.inputs;
        int steps = in.steps();
        float[] dLogits = new float[pass.logits.length];
        double loss = crossEntropy(pass, targets, dLogits);
        float[] top = pass.attention == null ? pass.decoded.output().data() : pass.attention.out();
        float[] dTop = layout.output.backward(kernels, head, g.head(), top, dLogits, in.rows() * steps);
        float[] dDecoded = dTop;
        float[] dEncoded = null;
        if (attention != null) {
            LuongAttention.Gradients ag = attention.backward(kernels, head, g.head(), pass.attention, dTop);
            dDecoded = ag.decoded();
            dEncoded = ag.encoded();
        }
        Encoded enc = pass.encoded;
        int rows = in.rows();
        InputGradients dDec = decoder.backward(pass.decoded, Tensor.of(dDecoded, rows, steps, config.decoderHidden()), null, null,
                g.decoder());
        layout.targetEmbedding.backward(in.ids(), dDec.dx().data(), 0, config.embeddingSize(), g.head(), layout.targetEmbeddingOffset);
        float[] dhN = hiddenBridge.backward(kernels, head, g.head(), enc.hidden(), dDec.dh0().data());
        float[] dcN = cellBridge == null ? null : cellBridge.backward(kernels, head, g.head(), enc.cell(), dDec.dc0().data());
        int slices = config.encoderConfig().stateSlices();
        int src = enc.source().steps();
        InputGradients dEnc = encoder.backward(enc.output(),
                dEncoded == null ? null : Tensor.of(dEncoded, rows, src, config.encoderWidth()),
                Tensor.of(dhN, slices, rows, config.encoderHidden()),
                dcN == null ? null : Tensor.of(dcN, slices, rows, config.encoderHidden()), g.encoder());
        layout.sourceEmbedding.backward(enc.source().ids(), dEnc.dx().data(), 0, config.embeddingSize(), g.head(),
                layout.sourceEmbeddingOffset);
        return loss;
    }

    /** The loss of {@link #backward}, without gradients. */
    public double loss(int[][] sources, int[][] decoderInputs, int[][] targets) {
        Pass pass = run(sources, decoderInputs, false);
        return crossEntropy(pass, targets, new float[pass.logits.length]);
    }

    /** Mean cross-entropy per target symbol (end symbols included); its gradient w.r.t. the logits goes to {@code dLogits}. */
    private double crossEntropy(Pass pass, int[][] targets, float[] dLogits) {
        SymbolBatch in = pass.inputs;
        int steps = in.steps();
        int vocab = config.targetVocabulary();
        if (targets.length != in.rows()) {
            throw new IllegalArgumentException("Expected " + in.rows() + " targets (one per source), got " + targets.length + ".");
        }
        int count = 0;
        for (int[] t : targets) {
            count += t.length + 1;
        }
        float[] expected = new float[1];
        double sum = 0;
        for (int b = 0; b < in.rows(); b++) {
            if (targets[b].length + 1 != in.lengths()[b]) {
                throw new IllegalArgumentException("target " + b + " has " + targets[b].length + " symbols, so its decoder input "
                        + "must have " + (targets[b].length + 1) + ", got " + in.lengths()[b] + ".");
            }
            for (int t = 0; t <= targets[b].length; t++) {
                expected[0] = t < targets[b].length ? targets[b][t] : config.endSymbol();
                int row = (b * steps + t) * vocab;
                sum += CROSS_ENTROPY.row(pass.logits, row, vocab, expected, 0, dLogits, row, 1.0 / count);
            }
        }
        return sum / count;
    }
}
