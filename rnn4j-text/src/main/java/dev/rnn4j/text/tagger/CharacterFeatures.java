package dev.rnn4j.text.tagger;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.InputGradients;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import dev.rnn4j.text.embed.Embedding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Features of a word from its spelling (Lample et al. 2016): character embeddings run through a
 * one-layer bidirectional recurrent network, and the final state of each direction (the forward
 * one after the last character, the reverse one after the first) concatenated into
 * {@code 2 * hidden} features.
 *
 * <p>Two savings that do not change the result: each distinct spelling in a batch runs once (a
 * sentence batch repeats "the" and "," many times), and the distinct words run in groups of
 * similar length, because the recurrent network computes padded steps too and one long URL would
 * otherwise make every word of the batch as long.
 */
final class CharacterFeatures {

    /** Distinct words per run of the character network, unless a test asks for another size. */
    static final int GROUP_SIZE = 128;

    /** One run of the character network over a group of distinct words. */
    private record Group(int[] words, int[] ids, RecurrentOutput output) {
    }

    /** What backward needs from one forward pass: the distinct word of each token, and the runs. */
    record Cache(int[] distinctOf, int distinct, List<Group> groups) {
    }

    private final Embedding embedding;
    private final int embeddingOffset;
    private final RecurrentBlock network;
    private final int hidden;
    private final int groupSize;

    CharacterFeatures(int vocabularySize, int dimension, int hidden, CellType cell, ParameterTable table, Kernels kernels) {
        this(vocabularySize, dimension, hidden, cell, table, kernels, GROUP_SIZE);
    }

    CharacterFeatures(int vocabularySize, int dimension, int hidden, CellType cell, ParameterTable table, Kernels kernels,
                      int groupSize) {
        this.embedding = new Embedding(vocabularySize, dimension);
        this.embeddingOffset = table.add("char_embedding.weight", vocabularySize, dimension);
        this.network = new RecurrentBlock(new RecurrentConfig(cell, dimension, hidden, 1, true, true), "char_" + cell.id(), table, kernels);
        this.hidden = hidden;
        this.groupSize = groupSize;
    }

    void initialize(float[] params, SplittableRandom random) {
        embedding.initialize(params, embeddingOffset, random);
        network.initialize(params, random);
    }

    /** Features {@code [tokens, 2 * hidden]}, forward final state then reverse final state; one cache out. */
    float[] forward(float[] params, int[][] tokens, Cache[] cacheOut) {
        Map<List<Integer>, Integer> index = new HashMap<>();
        List<int[]> distinct = new ArrayList<>();
        int[] distinctOf = new int[tokens.length];
        for (int w = 0; w < tokens.length; w++) {
            if (tokens[w].length == 0) {
                throw new IllegalArgumentException("Token " + w + " of the batch has no characters; tokens must be non-empty.");
            }
            List<Integer> key = Arrays.stream(tokens[w]).boxed().toList();
            Integer u = index.get(key);
            if (u == null) {
                u = distinct.size();
                index.put(key, u);
                distinct.add(tokens[w]);
            }
            distinctOf[w] = u;
        }
        Integer[] byLength = new Integer[distinct.size()];
        for (int i = 0; i < byLength.length; i++) {
            byLength[i] = i;
        }
        Arrays.sort(byLength, Comparator.comparingInt(i -> distinct.get(i).length));

        int width = 2 * hidden;
        float[] distinctFeatures = new float[distinct.size() * width];
        List<Group> groups = new ArrayList<>();
        for (int from = 0; from < byLength.length; from += groupSize) {
            int[] members = new int[Math.min(groupSize, byLength.length - from)];
            for (int i = 0; i < members.length; i++) {
                members[i] = byLength[from + i];
            }
            groups.add(runGroup(params, members, distinct, distinctFeatures));
        }
        float[] features = new float[tokens.length * width];
        for (int w = 0; w < tokens.length; w++) {
            System.arraycopy(distinctFeatures, distinctOf[w] * width, features, w * width, width);
        }
        cacheOut[0] = new Cache(distinctOf, distinct.size(), groups);
        return features;
    }

    private Group runGroup(float[] params, int[] members, List<int[]> distinct, float[] distinctFeatures) {
        int n = members.length;
        int[] lengths = new int[n];
        int maxChars = 0;
        for (int i = 0; i < n; i++) {
            lengths[i] = distinct.get(members[i]).length;
            maxChars = Math.max(maxChars, lengths[i]);
        }
        int[] ids = new int[n * maxChars];
        Arrays.fill(ids, -1);
        for (int i = 0; i < n; i++) {
            System.arraycopy(distinct.get(members[i]), 0, ids, i * maxChars, lengths[i]);
        }
        int dim = embedding.dimension();
        float[] x = new float[n * maxChars * dim];
        embedding.forward(params, embeddingOffset, ids, x, 0, dim);
        RecurrentOutput out = network.forward(params, Tensor.of(x, n, maxChars, dim), lengths);
        // hN is [2, n, hidden]: slice 0 the forward direction, slice 1 the reverse one.
        float[] h = out.hN().data();
        for (int i = 0; i < n; i++) {
            int row = members[i] * 2 * hidden;
            System.arraycopy(h, i * hidden, distinctFeatures, row, hidden);
            System.arraycopy(h, (n + i) * hidden, distinctFeatures, row + hidden, hidden);
        }
        return new Group(members, ids, out);
    }

    /** Backward from the gradient of the features ({@code [tokens, 2 * hidden]}, row stride {@code ld}, from {@code off}). */
    void backward(Cache cache, float[] dFeatures, int off, int ld, float[] gradient) {
        int width = 2 * hidden;
        // A distinct word's gradient is the sum over the tokens that spelled it.
        float[] dDistinct = new float[cache.distinct() * width];
        for (int w = 0; w < cache.distinctOf().length; w++) {
            int dst = cache.distinctOf()[w] * width;
            int src = off + w * ld;
            for (int j = 0; j < width; j++) {
                dDistinct[dst + j] += dFeatures[src + j];
            }
        }
        for (Group g : cache.groups()) {
            int n = g.words().length;
            float[] dh = new float[2 * n * hidden];
            for (int i = 0; i < n; i++) {
                int row = g.words()[i] * width;
                System.arraycopy(dDistinct, row, dh, i * hidden, hidden);
                System.arraycopy(dDistinct, row + hidden, dh, (n + i) * hidden, hidden);
            }
            InputGradients in = network.backward(g.output(), null, Tensor.of(dh, 2, n, hidden), gradient);
            embedding.backward(g.ids(), in.dx().data(), 0, embedding.dimension(), gradient, embeddingOffset);
        }
    }

    int outputSize() {
        return 2 * hidden;
    }
}
