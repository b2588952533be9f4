package dev.rnn4j.nn;

import java.util.Locale;

/** The recurrent cells rnn4j implements, each as PyTorch defines it. */
public enum CellType {
    /** Elman RNN, {@code h' = tanh(W_ih x + b_ih + W_hh h + b_hh)}: PyTorch's {@code nn.RNN(nonlinearity='tanh')}. */
    RNN_TANH(1),
    /** Elman RNN with ReLU: PyTorch's {@code nn.RNN(nonlinearity='relu')}. */
    RNN_RELU(1),
    /** LSTM, gate rows i, f, g, o: PyTorch's {@code nn.LSTM}. */
    LSTM(4),
    /** GRU, gate rows r, z, n, reset applied after the recurrent product: PyTorch's {@code nn.GRU}. */
    GRU(3);

    private final int gates;

    CellType(int gates) {
        this.gates = gates;
    }

    /** Number of gate blocks G: rows of {@code weight_ih} are {@code G * hidden}. */
    public int gates() {
        return gates;
    }

    /** Whether the cell carries a cell state c besides h (only LSTM). */
    public boolean hasCellState() {
        return this == LSTM;
    }

    /** The lower-case name used in configs and golden files: {@code rnn_tanh, rnn_relu, lstm, gru}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()} (case-insensitive); the error lists the valid names. */
    public static CellType fromId(String id) {
        for (CellType t : values()) {
            if (t.id().equalsIgnoreCase(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown cell type '" + id + "'; expected one of rnn_tanh, rnn_relu, lstm, gru.");
    }
}
