package dev.rnn4j.bench;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.RecurrentConfig;
import java.util.Locale;

/**
 * One benchmark configuration of the side-by-side kit (A..F full sequences, S1/S2 streaming), with
 * the kit's FLOP model: only matrix products count, forward = sum over layer-directions of
 * {@code 2*B*T*(I_l + H)*G*H}, train = 3 x forward, one streaming step = {@code 2*(I+H)*G*H}.
 */
record Workload(String name, CellType cell, int batch, int time, int input, int hidden, int layers, boolean bidirectional) {

    static Workload of(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "A" -> new Workload("A", CellType.LSTM, 64, 100, 32, 128, 1, false);
            case "B" -> new Workload("B", CellType.GRU, 64, 100, 32, 128, 1, false);
            case "C" -> new Workload("C", CellType.LSTM, 32, 50, 16, 64, 1, false);
            case "D" -> new Workload("D", CellType.LSTM, 128, 200, 64, 256, 2, false);
            case "E" -> new Workload("E", CellType.LSTM, 64, 100, 32, 128, 1, true);
            case "F" -> new Workload("F", CellType.RNN_TANH, 64, 100, 32, 128, 1, false);
            case "S1" -> new Workload("S1", CellType.GRU, 1, 1, 8, 32, 1, false);
            case "S2" -> new Workload("S2", CellType.LSTM, 1, 1, 32, 128, 1, false);
            default -> throw new IllegalArgumentException("--config must be one of A, B, C, D, E, F, S1, S2, got '" + name + "'.");
        };
    }

    boolean streaming() {
        return name.startsWith("S");
    }

    RecurrentConfig config() {
        return new RecurrentConfig(cell, input, hidden, layers, bidirectional, true);
    }

    int directions() {
        return bidirectional ? 2 : 1;
    }

    /** Forward GFLOP of one iteration over the whole batch. */
    double forwardGflop() {
        double flop = 0;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? input : hidden * directions();
            flop += directions() * 2.0 * batch * time * (in + hidden) * cell.gates() * hidden;
        }
        return flop / 1e9;
    }

    double trainGflop() {
        return 3 * forwardGflop();
    }

    /** FLOP of one batch-1 streaming step. */
    double stepFlop() {
        return 2.0 * (input + hidden) * cell.gates() * hidden;
    }

    /** The cell name the result schema uses. */
    String cellName() {
        return switch (cell) {
            case LSTM -> "LSTM";
            case GRU -> "GRU";
            case RNN_TANH, RNN_RELU -> "RNN";
        };
    }
}
