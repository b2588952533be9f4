package dev.rnn4j.text.tagger;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.InputGradients;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import dev.rnn4j.text.embed.Embedding;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Features of a word from its spelling (Lample et al. 2016): character embeddings run through a
 * one-layer bidirectional recurrent network, and the final state of each direction (the forward
 * one after the last character, the reverse one after the first) concatenated into
 * {@code 2 * hidden} features. Every word of the batch is one sequence of the network's batch.
 */
final class CharacterFeatures {

    /** What backward needs from one forward pass. */
    record Cache(int[] ids, int maxChars, RecurrentOutput output) {
    }

    private final Embedding embedding;
    private final int embeddingOffset;
    private final RecurrentBlock network;
    private final int hidden;

    CharacterFeatures(int vocabularySize, int dimension, int hidden, CellType cell, ParameterTable table) {
        this.embedding = new Embedding(vocabularySize, dimension);
        this.embeddingOffset = table.add("char_embedding.weight", vocabularySize, dimension);
        this.network = new RecurrentBlock(new RecurrentConfig(cell, dimension, hidden, 1, true, true), "char_lstm", table);
        this.hidden = hidden;
    }

    void initialize(float[] params, SplittableRandom random) {
        embedding.initialize(params, embeddingOffset, random);
        network.initialize(params, random);
    }

    /** Features {@code [words, 2 * hidden]}: forward final state, then reverse final state. */
    float[] forward(float[] params, int[][] words, Cache[] cacheOut) {
        int n = words.length;
        int maxChars = 0;
        int[] lengths = new int[n];
        for (int w = 0; w < n; w++) {
            if (words[w].length == 0) {
                throw new IllegalArgumentException("Token " + w + " of the batch has no characters; tokens must be non-empty.");
            }
            lengths[w] = words[w].length;
            maxChars = Math.max(maxChars, lengths[w]);
        }
        int[] ids = new int[n * maxChars];
        Arrays.fill(ids, -1);
        for (int w = 0; w < n; w++) {
            System.arraycopy(words[w], 0, ids, w * maxChars, lengths[w]);
        }
        int dim = embedding.dimension();
        float[] x = new float[n * maxChars * dim];
        embedding.forward(params, embeddingOffset, ids, x, 0, dim);
        RecurrentOutput out = network.forward(params, Tensor.of(x, n, maxChars, dim), lengths);
        // hN is [2, n, hidden]: slice 0 the forward direction, slice 1 the reverse one.
        float[] h = out.hN().data();
        float[] features = new float[n * 2 * hidden];
        for (int w = 0; w < n; w++) {
            System.arraycopy(h, w * hidden, features, w * 2 * hidden, hidden);
            System.arraycopy(h, (n + w) * hidden, features, w * 2 * hidden + hidden, hidden);
        }
        cacheOut[0] = new Cache(ids, maxChars, out);
        return features;
    }

    /** Backward from the gradient of the features ({@code [words, 2 * hidden]}, row stride {@code ld}, from {@code off}). */
    void backward(float[] params, Cache cache, float[] dFeatures, int off, int ld, float[] gradient) {
        int n = cache.output().batch();
        float[] dh = new float[2 * n * hidden];
        for (int w = 0; w < n; w++) {
            System.arraycopy(dFeatures, off + w * ld, dh, w * hidden, hidden);
            System.arraycopy(dFeatures, off + w * ld + hidden, dh, (n + w) * hidden, hidden);
        }
        InputGradients in = network.backward(cache.output(), null, Tensor.of(dh, 2, n, hidden), gradient);
        embedding.backward(cache.ids(), in.dx().data(), 0, embedding.dimension(), gradient, embeddingOffset);
    }

    int outputSize() {
        return 2 * hidden;
    }
}
