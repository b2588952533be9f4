package dev.rnn4j.model;

import dev.rnn4j.nn.CellType;

/**
 * One recurrent layer of a {@link ModelConfig}.
 *
 * @param cell             RNN (tanh or relu), LSTM or GRU
 * @param hiddenSize       features of the hidden state, H
 * @param bidirectional    whether a reverse-time direction runs too (output width 2H)
 * @param dropout          plain dropout on this layer's outputs (between layers, or before the head), 0..1
 * @param recurrentDropout variational dropout of the previous hidden state inside every step's
 *                         recurrent product: one mask per sequence, reused at every step, 0..1
 */
public record LayerSpec(CellType cell, int hiddenSize, boolean bidirectional, double dropout, double recurrentDropout) {

    public LayerSpec {
        if (cell == null) {
            throw new IllegalArgumentException("layer cell must be one of RNN_TANH, RNN_RELU, LSTM, GRU, got null.");
        }
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("layer hiddenSize must be > 0, got " + hiddenSize + ".");
        }
        requireProbability("dropout", dropout);
        requireProbability("recurrentDropout", recurrentDropout);
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("layer " + name + " must be in [0, 1), got " + p + ".");
        }
    }

    public static LayerSpec of(CellType cell, int hiddenSize) {
        return new LayerSpec(cell, hiddenSize, false, 0, 0);
    }

    /** Width of this layer's output: D*H. */
    public int outputSize() {
        return (bidirectional ? 2 : 1) * hiddenSize;
    }

    public LayerSpec withBidirectional(boolean bidi) {
        return new LayerSpec(cell, hiddenSize, bidi, dropout, recurrentDropout);
    }

    public LayerSpec withDropout(double p) {
        return new LayerSpec(cell, hiddenSize, bidirectional, p, recurrentDropout);
    }

    public LayerSpec withRecurrentDropout(double p) {
        return new LayerSpec(cell, hiddenSize, bidirectional, dropout, p);
    }
}
