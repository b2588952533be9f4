package dev.rnn4j.text.tagger;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.nn.InputGradients;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import dev.rnn4j.text.crf.LinearChainCrf;
import dev.rnn4j.text.crf.TransitionConstraints;
import dev.rnn4j.text.embed.Embedding;
import java.util.SplittableRandom;

/**
 * The BiLSTM-CRF tagger (Huang et al. 2015; Lample et al. 2016) as one differentiable function of
 * one flat parameter array:
 * <pre>
 *   word_embedding[w_t] ++ char features(w_t)     [B, T, Dw + 2*Hc]
 *   -&gt; bidirectional recurrent stack "lstm"        [B, T, 2*H]   (named after the cell: "gru", ...)
 *   -&gt; linear "hidden2tag"                         [B, T, K]   tag scores
 *   -&gt; CRF (sentence NLL, Viterbi) or softmax (token cross-entropy, arg-max)
 * </pre>
 * {@link #lossAndGradient} runs forward and then backward in reverse order, adding the gradient of
 * the summed loss into a flat array laid out like the parameters ({@link #parameters()}), so any
 * optimiser that walks one array can train it.
 *
 * <p>Not thread-safe: the recurrent blocks keep a working copy of their weights.
 */
public final class TaggerNetwork {

    private final TaggerConfig config;
    private final TransitionConstraints constraints;
    private final Kernels kernels;
    private final ParameterTable table = new ParameterTable();
    private final Embedding wordEmbedding;
    private final int wordEmbeddingOffset;
    private final CharacterFeatures characters;
    private final RecurrentBlock words;
    private final Linear hidden2tag;
    private final OutputLayer output;

    /** A tagger whose CRF (if any) decodes without transition constraints. */
    public TaggerNetwork(TaggerConfig config) {
        this(config, TransitionConstraints.none(config.numTags()));
    }

    /** A tagger whose CRF decodes only paths the constraints allow (ignored by a softmax output). */
    public TaggerNetwork(TaggerConfig config, TransitionConstraints constraints) {
        this(config, constraints, KernelProvider.get());
    }

    TaggerNetwork(TaggerConfig config, TransitionConstraints constraints, Kernels kernels) {
        if (constraints.numTags() != config.numTags()) {
            throw new IllegalArgumentException("The constraints cover " + constraints.numTags() + " tags, the tagger has "
                    + config.numTags() + ".");
        }
        this.config = config;
        this.constraints = constraints;
        this.kernels = kernels;
        this.wordEmbedding = new Embedding(config.wordVocabularySize(), config.wordDimension());
        this.wordEmbeddingOffset = table.add("word_embedding.weight", config.wordVocabularySize(), config.wordDimension());
        this.characters = config.hasCharacterFeatures()
                ? new CharacterFeatures(config.charVocabularySize(), config.charDimension(), config.charHidden(), config.cell(), table, kernels)
                : null;
        RecurrentConfig rc = new RecurrentConfig(config.cell(), config.wordFeatures(), config.hidden(), config.layers(), true, true);
        this.words = new RecurrentBlock(rc, config.cell().id(), table, kernels);
        this.hidden2tag = new Linear("hidden2tag", rc.outputSize(), config.numTags(), table, kernels);
        this.output = switch (config.output()) {
            case CRF -> new CrfOutputLayer(new LinearChainCrf(constraints));
            case SOFTMAX -> new SoftmaxOutputLayer(config.numTags());
        };
        output.declare(table);
    }

    /**
     * A new network of the same shape, constraints and kernels, with working buffers of its own:
     * one per thread lets threads compute the gradients of different sentences at once.
     */
    public TaggerNetwork replica() {
        return new TaggerNetwork(config, constraints, kernels);
    }

    public TaggerConfig config() {
        return config;
    }

    /** The names, shapes and offsets of every parameter in the flat array. */
    public ParameterTable parameters() {
        return table;
    }

    /** The word embedding layer; its weight starts at {@code parameters().entry("word_embedding.weight").offset()}. */
    public Embedding wordEmbedding() {
        return wordEmbedding;
    }

    /** A new flat parameter array initialised as the PyTorch modules would be, seeded. */
    public float[] initialParameters(long seed) {
        float[] p = new float[table.size()];
        SplittableRandom random = new SplittableRandom(seed);
        wordEmbedding.initialize(p, wordEmbeddingOffset, random.split());
        if (characters != null) {
            characters.initialize(p, random.split());
        }
        words.initialize(p, random.split());
        hidden2tag.initialize(p, random.split());
        output.initialize(p, random.split());
        return p;
    }

    /** What backward needs from forward; the masks are null without dropout. */
    private record Forward(CharacterFeatures.Cache chars, float[] inputMask, RecurrentOutput recurrent, float[] hiddenMask,
                           float[] hidden, float[] emissions) {
    }

    /** Forward; {@code dropout} draws the dropout masks, null for none (prediction, validation). */
    private Forward forward(float[] params, EncodedBatch batch, SplittableRandom dropout) {
        requireParameters(params, "parameters");
        int b = batch.batch();
        int time = batch.time();
        int in = config.wordFeatures();
        float[] x = new float[b * time * in];
        wordEmbedding.forward(params, wordEmbeddingOffset, batch.words(), x, 0, in);
        CharacterFeatures.Cache[] cache = new CharacterFeatures.Cache[1];
        if (characters != null) {
            if (batch.characters() == null) {
                throw new IllegalArgumentException("This tagger reads characters, but the batch was encoded without them.");
            }
            float[] features = characters.forward(params, batch.characters(), cache);
            int word = 0;
            int width = characters.outputSize();
            for (int s = 0; s < b; s++) {
                for (int t = 0; t < batch.lengths()[s]; t++) {
                    System.arraycopy(features, word * width, x, (s * time + t) * in + config.wordDimension(), width);
                    word++;
                }
            }
        }
        float[] inputMask = Dropout.mask(x.length, config.dropout(), dropout);
        Dropout.apply(x, inputMask);
        RecurrentOutput rec = words.forward(params, Tensor.of(x, b, time, in), batch.lengths());
        float[] hidden = rec.output().data().clone();
        float[] hiddenMask = Dropout.mask(hidden.length, config.dropout(), dropout);
        Dropout.apply(hidden, hiddenMask);
        float[] emissions = hidden2tag.forward(params, hidden, b * time);
        return new Forward(cache[0], inputMask, rec, hiddenMask, hidden, emissions);
    }

    /**
     * The loss of the batch (CRF: summed sentence negative log-likelihoods; softmax: summed token
     * cross-entropies); its gradient is <em>added</em> to {@code gradient}. No dropout: the result
     * is deterministic.
     */
    public double lossAndGradient(float[] params, EncodedBatch batch, float[] gradient) {
        return lossAndGradient(params, batch, gradient, null);
    }

    /**
     * As {@link #lossAndGradient(float[], EncodedBatch, float[])}, with the config's dropout drawn
     * from {@code dropout} (null: no dropout). Training passes a random source; the same seed gives
     * the same masks.
     */
    public double lossAndGradient(float[] params, EncodedBatch batch, float[] gradient, SplittableRandom dropout) {
        requireParameters(gradient, "gradient");
        if (batch.tags() == null) {
            throw new IllegalArgumentException("The batch has no gold tags; encode it with SentenceEncoder.encode to train on it.");
        }
        Forward f = forward(params, batch, dropout);
        int b = batch.batch();
        int time = batch.time();
        float[] dEmissions = new float[f.emissions().length];
        double loss = output.loss(params, f.emissions(), time, batch.lengths(), batch.tags(), dEmissions, gradient);

        float[] dHidden = hidden2tag.backward(params, f.hidden(), dEmissions, b * time, gradient);
        Dropout.apply(dHidden, f.hiddenMask());
        int width = f.recurrent().output().dim(2);
        InputGradients in = words.backward(f.recurrent(), Tensor.of(dHidden, b, time, width), null, gradient);
        float[] dx = in.dx().data();
        Dropout.apply(dx, f.inputMask());
        int stride = config.wordFeatures();
        wordEmbedding.backward(batch.words(), dx, 0, stride, gradient, wordEmbeddingOffset);
        if (characters != null) {
            float[] dFeatures = gatherTokens(dx, batch, stride);
            characters.backward(f.chars(), dFeatures, config.wordDimension(), stride, gradient);
        }
        return loss;
    }

    /** The loss alone (no gradient), e.g. for validation. */
    public double loss(float[] params, EncodedBatch batch) {
        if (batch.tags() == null) {
            throw new IllegalArgumentException("The batch has no gold tags.");
        }
        Forward f = forward(params, batch, null);
        return output.loss(params, f.emissions(), batch.time(), batch.lengths(), batch.tags(), null, null);
    }

    /** The best tag indices of each sentence, of its own length. */
    public int[][] predict(float[] params, EncodedBatch batch) {
        Forward f = forward(params, batch, null);
        return output.decode(params, f.emissions(), batch.time(), batch.lengths());
    }

    /**
     * What decoding reads for this batch, in a form that averages across models
     * ({@link TagScores#average}); {@link #decode(TagScores)} of these scores equals {@link #predict}.
     */
    public TagScores scores(float[] params, EncodedBatch batch) {
        Forward f = forward(params, batch, null);
        return output.scores(params, f.emissions(), batch.time(), batch.lengths());
    }

    /** The best tag indices of each sentence under {@code scores} (one model's, or several models' average). */
    public int[][] decode(TagScores scores) {
        return output.decode(scores);
    }

    /** The rows of the real tokens of a padded {@code [B, T, stride]} array, in token order. */
    private static float[] gatherTokens(float[] padded, EncodedBatch batch, int stride) {
        float[] out = new float[batch.tokens() * stride];
        int word = 0;
        for (int s = 0; s < batch.batch(); s++) {
            int len = batch.lengths()[s];
            System.arraycopy(padded, s * batch.time() * stride, out, word * stride, len * stride);
            word += len;
        }
        return out;
    }

    private void requireParameters(float[] array, String name) {
        if (array.length != table.size()) {
            throw new IllegalArgumentException(name + " must have " + table.size() + " floats (this tagger's layout), got "
                    + array.length + ".");
        }
    }
}
