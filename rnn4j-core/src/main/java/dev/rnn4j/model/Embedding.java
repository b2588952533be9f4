package dev.rnn4j.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A lookup table from symbol indices to vectors, PyTorch's {@code nn.Embedding}: the weight is
 * {@code [vocabularySize, dimension]} inside a flat parameter array, row i the vector of symbol i.
 *
 * <p>Forward copies rows out; backward adds each output gradient row back into the weight
 * gradient row it came from (a scatter-add, so a symbol seen twice gets both contributions). An
 * index of -1 stands for padding: it reads as a zero vector and receives no gradient.
 *
 * @param vocabularySize rows of the table
 * @param dimension      columns: the size of each vector
 */
public record Embedding(int vocabularySize, int dimension) {

    public Embedding {
        if (vocabularySize < 1 || dimension < 1) {
            throw new IllegalArgumentException("An embedding needs vocabularySize >= 1 and dimension >= 1, got "
                    + vocabularySize + " and " + dimension + ".");
        }
    }

    /** Floats the weight takes. */
    public int size() {
        return vocabularySize * dimension;
    }

    /** PyTorch's default initialisation, N(0, 1), seeded. */
    public void initialize(float[] weights, int offset, SplittableRandom random) {
        for (int i = 0; i < size(); i++) {
            weights[offset + i] = (float) gaussian(random);
        }
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /**
     * Writes the vector of {@code ids[i]} to {@code out[outOff + i * stride ..]} for each i; a stride
     * larger than the dimension leaves room for other features beside each vector.
     */
    public void forward(float[] weights, int wOff, int[] ids, float[] out, int outOff, int stride) {
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            int dst = outOff + i * stride;
            if (id == -1) {
                Arrays.fill(out, dst, dst + dimension, 0f);
                continue;
            }
            requireIndex(id, i);
            System.arraycopy(weights, wOff + id * dimension, out, dst, dimension);
        }
    }

    /** Adds {@code dOut[dOff + i * stride ..]} into the gradient row of {@code ids[i]} for each i. */
    public void backward(int[] ids, float[] dOut, int dOff, int stride, float[] dWeights, int dwOff) {
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id == -1) {
                continue;
            }
            requireIndex(id, i);
            int src = dOff + i * stride;
            int dst = dwOff + id * dimension;
            for (int d = 0; d < dimension; d++) {
                dWeights[dst + d] += dOut[src + d];
            }
        }
    }

    private void requireIndex(int id, int position) {
        if (id < -1 || id >= vocabularySize) {
            throw new IllegalArgumentException("Embedding index " + id + " at position " + position + " is outside 0.."
                    + (vocabularySize - 1) + " (or -1 for padding).");
        }
    }
}
