package dev.rnn4j.cli;

import dev.rnn4j.nn.CellType;
import java.util.Locale;

/** The {@code --cell} values: rnn (tanh), lstm, gru. */
enum CellOption {
    RNN(CellType.RNN_TANH), LSTM(CellType.LSTM), GRU(CellType.GRU);

    final CellType type;

    CellOption(CellType type) {
        this.type = type;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
