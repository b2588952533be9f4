package dev.rnn4j.seq2seq;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.RecurrentConfig;

/**
 * The shape of a {@link OneToMany} generator: a seed vector sets the initial hidden state of a
 * unidirectional stack, whose every step reads the previous output vector and emits the next.
 *
 * @param cell       cell of the stack
 * @param seedSize   features of the seed vector
 * @param outputSize features of each generated step (also each step's input)
 * @param hidden     hidden units per layer
 * @param layers     stacked layers
 */
public record OneToManyConfig(CellType cell, int seedSize, int outputSize, int hidden, int layers) {

    public OneToManyConfig {
        if (cell == null) {
            throw new IllegalArgumentException("cell must be one of rnn_tanh, rnn_relu, lstm, gru, got null.");
        }
        if (seedSize < 1 || outputSize < 1 || hidden < 1 || layers < 1) {
            throw new IllegalArgumentException("seedSize, outputSize, hidden and layers must be >= 1, got " + seedSize + ", "
                    + outputSize + ", " + hidden + " and " + layers + ".");
        }
    }

    RecurrentConfig recurrentConfig() {
        return new RecurrentConfig(cell, outputSize, hidden, layers, false, true);
    }
}
