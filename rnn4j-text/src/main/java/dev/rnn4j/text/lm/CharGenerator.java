package dev.rnn4j.text.lm;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.model.Dense;
import dev.rnn4j.model.LayerSpec;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.StreamState;
import dev.rnn4j.nn.StreamingNetwork;
import dev.rnn4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Samples text from a character model one character at a time on the streaming API: each layer is
 * a {@link StreamingNetwork} with its own {@link StreamState}, so a character costs one step of
 * each layer plus the head, whatever was generated before. The seed text is fed first (its
 * characters are not sampled); then each sampled character is fed back as the next input.
 *
 * <p>Sampling: logits divided by the temperature, all but the {@code topK} largest dropped (0: keep
 * all), softmax, one draw from the seeded generator. Top-k 1 is greedy decoding.
 */
public final class CharGenerator {

    private final CharLanguageModel lm;
    private final Kernels kernels = KernelProvider.get();
    private final StreamingNetwork[] layers;
    private final Dense head;
    private final float[] parameters;

    public CharGenerator(CharLanguageModel lm) {
        this(lm, 1);
    }

    /**
     * A generator whose every step may use up to {@code threads} threads: each large layer's step
     * is shared between them ({@link RecurrentNetwork#streaming(int)}; same text for the same seed).
     */
    public CharGenerator(CharLanguageModel lm, int threads) {
        this.lm = lm;
        SequenceModel model = lm.model();
        ModelConfig config = model.config();
        if (config.residual() || config.layerNorm()) {
            throw new IllegalArgumentException("Generation streams plain stacks; this model has "
                    + (config.residual() ? "residual connections" : "layer normalisation") + ".");
        }
        this.parameters = model.parameters().clone();
        this.layers = new StreamingNetwork[config.layers().size()];
        for (int i = 0; i < layers.length; i++) {
            LayerSpec s = config.layers().get(i);
            RecurrentConfig rc = new RecurrentConfig(s.cell(), config.layerInputSize(i), s.hiddenSize(), 1, false, true);
            layers[i] = RecurrentNetwork.fromStateDict(rc, layerStateDict(model, "layers." + i + ".")).streaming(threads);
        }
        ParameterLayout.Entry w = model.entries().stream().filter(e -> e.name().equals("head.weight")).findFirst().orElseThrow();
        this.head = new Dense(config.featureSize(), model.outputSize(), w.offset());
    }

    /** The parameters under {@code prefix}, renamed to the one-layer network's own (PyTorch) names. */
    private static Map<String, Tensor> layerStateDict(SequenceModel model, String prefix) {
        Map<String, Tensor> dict = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : model.entries()) {
            if (e.name().startsWith(prefix)) {
                dict.put(e.name().substring(prefix.length()), Tensor.of(
                        Arrays.copyOfRange(model.parameters(), e.offset(), e.offset() + e.size()), e.shape()));
            }
        }
        return dict;
    }

    /** The state of one generated text: every layer's stream state and the step's buffers. */
    public final class Cursor {
        private final StreamState[] states = new StreamState[layers.length];
        private final float[][] outputs = new float[layers.length][];
        private final float[] input = new float[lm.vocabularySize()];
        private final float[] logits = new float[lm.vocabularySize()];
        private boolean fed;

        Cursor() {
            for (int i = 0; i < layers.length; i++) {
                states[i] = layers[i].newState();
                outputs[i] = new float[layers[i].outputSize()];
            }
        }

        /** Reads character {@code id}; afterwards {@link #logits()} scores the next character. */
        public void feed(int id) {
            Arrays.fill(input, 0f);
            input[id] = 1f;
            float[] x = input;
            for (int i = 0; i < layers.length; i++) {
                layers[i].step(x, states[i], outputs[i]);
                x = outputs[i];
            }
            head.forward(kernels, parameters, x, 1, logits);
            fed = true;
        }

        /** The next character's logits (a live buffer, overwritten by the next feed). */
        public float[] logits() {
            if (!fed) {
                throw new IllegalStateException("Feed at least one character before asking for the next one's scores.");
            }
            return logits;
        }
    }

    public Cursor cursor() {
        return new Cursor();
    }

    /**
     * Feeds {@code seedText}, then samples {@code length} characters, handing each to {@code sink}
     * as soon as it is drawn.
     *
     * @return the generated characters (without the seed text)
     */
    public String generate(String seedText, int length, double temperature, int topK, long seed, IntConsumer sink) {
        if (seedText.isEmpty()) {
            throw new IllegalArgumentException("The seed text must have at least one character to start from.");
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length + ".");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number > 0, got " + temperature + ".");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be >= 0 (0: all characters), got " + topK + ".");
        }
        int[] ids = new CharText("the seed text", seedText).encode(lm.vocabulary());
        Cursor cursor = cursor();
        for (int id : ids) {
            cursor.feed(id);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[lm.vocabularySize()];
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < length; n++) {
            int next = sample(cursor.logits(), temperature, topK, random, p);
            int cp = lm.vocabulary().symbol(next).codePointAt(0);
            out.appendCodePoint(cp);
            sink.accept(cp);
            cursor.feed(next);
        }
        return out.toString();
    }

    /** One draw from softmax(logits / temperature) restricted to the top k logits; {@code p} is scratch. */
    static int sample(float[] logits, double temperature, int topK, SplittableRandom random, double[] p) {
        int v = logits.length;
        double threshold = Double.NEGATIVE_INFINITY;
        if (topK > 0 && topK < v) {
            float[] sorted = logits.clone();
            Arrays.sort(sorted);
            threshold = sorted[v - topK];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        // Ties at the threshold fill the places the larger logits leave, lowest index first, so top-k keeps exactly k.
        int tiesLeft = v;
        if (topK > 0 && topK < v) {
            tiesLeft = topK;
            for (float l : logits) {
                tiesLeft -= l > threshold ? 1 : 0;
            }
        }
        double sum = 0;
        for (int j = 0; j < v; j++) {
            boolean keep = logits[j] > threshold || (logits[j] == threshold && tiesLeft-- > 0);
            p[j] = keep ? Math.exp((logits[j] - max) / temperature) : 0;
            sum += p[j];
        }
        double u = random.nextDouble() * sum;
        int last = -1;
        for (int j = 0; j < v; j++) {
            if (p[j] > 0) {
                last = j;
                u -= p[j];
                if (u < 0) {
                    return j;
                }
            }
        }
        return last; // rounding left u at or just above zero: the last kept character
    }
}
