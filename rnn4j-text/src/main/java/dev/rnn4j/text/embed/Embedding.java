package dev.rnn4j.text.embed;

import java.util.SplittableRandom;

/**
 * A lookup table from symbol indices to vectors, PyTorch's {@code nn.Embedding}: the weight is
 * {@code [vocabularySize, dimension]} inside a flat parameter array, row i the vector of symbol i.
 *
 * <p>Forward copies rows out; backward adds each output gradient row back into the weight
 * gradient row it came from (a scatter-add, so a symbol seen twice gets both contributions). An
 * index of -1 stands for padding: it reads as a zero vector and receives no gradient.
 *
 * <p>The lookup itself is core's {@link dev.rnn4j.model.Embedding} (shared with the sequence-to-sequence
 * models); this record keeps the text module's API and adds nothing to it.
 *
 * @param vocabularySize rows of the table
 * @param dimension      columns: the size of each vector
 */
public record Embedding(int vocabularySize, int dimension) {

    public Embedding {
        new dev.rnn4j.model.Embedding(vocabularySize, dimension); // validates the sizes, with core's message
    }

    private dev.rnn4j.model.Embedding core() {
        return new dev.rnn4j.model.Embedding(vocabularySize, dimension);
    }

    /** Floats the weight takes. */
    public int size() {
        return vocabularySize * dimension;
    }

    /** PyTorch's default initialisation, N(0, 1), seeded. */
    public void initialize(float[] weights, int offset, SplittableRandom random) {
        core().initialize(weights, offset, random);
    }

    /**
     * Writes the vector of {@code ids[i]} to {@code out[outOff + i * stride ..]} for each i; a stride
     * larger than the dimension leaves room for other features beside each vector.
     */
    public void forward(float[] weights, int wOff, int[] ids, float[] out, int outOff, int stride) {
        core().forward(weights, wOff, ids, out, outOff, stride);
    }

    /** Adds {@code dOut[dOff + i * stride ..]} into the gradient row of {@code ids[i]} for each i. */
    public void backward(int[] ids, float[] dOut, int dOff, int stride, float[] dWeights, int dwOff) {
        core().backward(ids, dOut, dOff, stride, dWeights, dwOff);
    }
}
