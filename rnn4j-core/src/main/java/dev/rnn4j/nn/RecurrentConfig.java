package dev.rnn4j.nn;

/**
 * The shape of a recurrent stack, with PyTorch's meaning for every field: {@code nn.LSTM(input_size,
 * hidden_size, num_layers, bias, batch_first=True, bidirectional)}.
 *
 * <pre>
 * symbol  meaning
 * B       batch (sequences)
 * T       time (padded length)
 * I       inputSize
 * H       hiddenSize
 * L       numLayers
 * D       2 if bidirectional else 1
 * input   [B, T, I]   output [B, T, D*H]   h0, c0, h_n, c_n [L*D, B, H]
 * </pre>
 *
 * @param cell          the cell of every layer
 * @param inputSize     features per timestep of the input, I
 * @param hiddenSize    features of the hidden state, H
 * @param numLayers     stacked layers, L; layer k &gt; 0 reads the D*H outputs of layer k-1
 * @param bidirectional whether each layer also runs a reverse-time direction
 * @param bias          whether the {@code bias_ih} / {@code bias_hh} parameters exist
 */
public record RecurrentConfig(CellType cell, int inputSize, int hiddenSize, int numLayers, boolean bidirectional,
                              boolean bias) {

    public RecurrentConfig {
        if (cell == null) {
            throw new IllegalArgumentException("cell must be one of rnn_tanh, rnn_relu, lstm, gru, got null.");
        }
        if (inputSize <= 0) {
            throw new IllegalArgumentException("inputSize must be > 0, got " + inputSize + ".");
        }
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("hiddenSize must be > 0, got " + hiddenSize + ".");
        }
        if (numLayers <= 0) {
            throw new IllegalArgumentException("numLayers must be > 0, got " + numLayers + ".");
        }
    }

    /** One unidirectional layer with bias, the PyTorch defaults. */
    public static RecurrentConfig of(CellType cell, int inputSize, int hiddenSize) {
        return new RecurrentConfig(cell, inputSize, hiddenSize, 1, false, true);
    }

    public static RecurrentConfig lstm(int inputSize, int hiddenSize) {
        return of(CellType.LSTM, inputSize, hiddenSize);
    }

    public static RecurrentConfig gru(int inputSize, int hiddenSize) {
        return of(CellType.GRU, inputSize, hiddenSize);
    }

    public static RecurrentConfig rnn(int inputSize, int hiddenSize) {
        return of(CellType.RNN_TANH, inputSize, hiddenSize);
    }

    public RecurrentConfig withLayers(int layers) {
        return new RecurrentConfig(cell, inputSize, hiddenSize, layers, bidirectional, bias);
    }

    public RecurrentConfig withBidirectional(boolean bidi) {
        return new RecurrentConfig(cell, inputSize, hiddenSize, numLayers, bidi, bias);
    }

    public RecurrentConfig withBias(boolean withBias) {
        return new RecurrentConfig(cell, inputSize, hiddenSize, numLayers, bidirectional, withBias);
    }

    /** D: 2 if bidirectional, else 1. */
    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** Width of the output sequence and of every layer above the first's input: D*H. */
    public int outputSize() {
        return directions() * hiddenSize;
    }

    /** Features per timestep that layer {@code layer} reads. */
    public int layerInputSize(int layer) {
        return layer == 0 ? inputSize : outputSize();
    }

    /** Number of state slices, L*D. */
    public int stateSlices() {
        return numLayers * directions();
    }
}
