package dev.rnn4j.forecast.rnn;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.RecurrentConfig;

/**
 * Hyper-parameters of the RNN forecaster. Zero means "choose from the data" where noted.
 *
 * @param cell          GRU or LSTM (any recurrent cell works; these two are the useful ones)
 * @param hidden        hidden units per layer
 * @param layers        stacked recurrent layers
 * @param bidirectional always refused by {@link RnnForecaster#checkCausal()}; kept so that a
 *                      configuration asking for it fails loudly instead of being silently changed
 * @param lookback      input window; 0: two seasons or two horizons (at least 8, at most 104),
 *                      capped by the median training length
 * @param ensemble      members trained with different seeds, alternating between the lookback and
 *                      1.5 times it; their forecasts are combined by the median
 * @param maxEpochs     upper bound on epochs; early stopping usually ends sooner
 * @param batchSize     windows per batch
 * @param learningRate  Adam's learning rate
 * @param patience      epochs without a lower validation loss before stopping
 * @param maxWindows    training windows per member, the most recent of each series kept first
 * @param threads       trainer worker threads
 */
public record RnnConfig(CellType cell, int hidden, int layers, boolean bidirectional, int lookback, int ensemble,
                        int maxEpochs, int batchSize, double learningRate, int patience, int maxWindows, int threads) {

    public RnnConfig {
        if (cell == null) {
            throw new IllegalArgumentException("the RNN forecaster needs a cell (gru or lstm), got null.");
        }
        if (hidden < 1 || layers < 1 || lookback < 0 || ensemble < 1 || maxEpochs < 1 || batchSize < 1
                || !(learningRate > 0) || patience < 1 || maxWindows < 1 || threads < 1) {
            throw new IllegalArgumentException("invalid RNN forecaster config: hidden=" + hidden + ", layers=" + layers
                    + ", lookback=" + lookback + ", ensemble=" + ensemble + ", maxEpochs=" + maxEpochs + ", batchSize="
                    + batchSize + ", learningRate=" + learningRate + ", patience=" + patience + ", maxWindows="
                    + maxWindows + ", threads=" + threads + " (all must be positive, lookback may be 0).");
        }
    }

    /** One GRU layer of 32 units, three members, at most 40 epochs with patience 5. */
    public static RnnConfig defaults() {
        return new RnnConfig(CellType.GRU, 32, 1, false, 0, 3, 40, 64, 3e-3, 5, 6_000, 1);
    }

    public RnnConfig withThreads(int n) {
        return new RnnConfig(cell, hidden, layers, bidirectional, lookback, ensemble, maxEpochs, batchSize, learningRate,
                patience, maxWindows, n);
    }

    public RnnConfig withEnsemble(int members) {
        return new RnnConfig(cell, hidden, layers, bidirectional, lookback, members, maxEpochs, batchSize, learningRate,
                patience, maxWindows, threads);
    }

    public RnnConfig withLookback(int steps) {
        return new RnnConfig(cell, hidden, layers, bidirectional, steps, ensemble, maxEpochs, batchSize, learningRate,
                patience, maxWindows, threads);
    }

    public RnnConfig withBidirectional(boolean bidi) {
        return new RnnConfig(cell, hidden, layers, bidi, lookback, ensemble, maxEpochs, batchSize, learningRate,
                patience, maxWindows, threads);
    }

    public RnnConfig withTraining(int epochs, int windows) {
        return new RnnConfig(cell, hidden, layers, bidirectional, lookback, ensemble, epochs, batchSize, learningRate,
                patience, windows, threads);
    }

    /** The recurrent stack as the causality guard sees it. */
    RecurrentConfig recurrent(int inputSize) {
        return RecurrentConfig.of(cell, inputSize, hidden).withLayers(layers).withBidirectional(bidirectional);
    }
}
