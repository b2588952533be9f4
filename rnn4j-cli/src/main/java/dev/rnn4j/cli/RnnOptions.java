package dev.rnn4j.cli;

import dev.rnn4j.forecast.rnn.RnnConfig;
import picocli.CommandLine.Option;

/** The RNN forecaster's options (a picocli mixin); every one maps onto an {@link RnnConfig} field. */
final class RnnOptions {

    @Option(names = "--cell", defaultValue = "gru", converter = CellConverter.class,
            description = "gru or lstm (default: ${DEFAULT-VALUE}).")
    CellOption cell;

    @Option(names = "--hidden", defaultValue = "32", description = "Hidden units per layer (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "1", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--bidirectional", description = "Refused: a bidirectional layer lets the future leak into the past.")
    boolean bidirectional;

    @Option(names = "--lookback", defaultValue = "0",
            description = "Input window in steps; 0 chooses it from the season, horizon and series lengths (default: ${DEFAULT-VALUE}).")
    int lookback;

    @Option(names = "--ensemble", defaultValue = "3", description = "Networks whose median is the forecast (default: ${DEFAULT-VALUE}).")
    int ensemble;

    @Option(names = "--epochs", defaultValue = "40", description = "Maximum epochs per network; early stopping usually ends sooner (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--max-windows", defaultValue = "6000", description = "Training windows per network (default: ${DEFAULT-VALUE}).")
    int maxWindows;

    RnnConfig config(int threads) {
        RnnConfig d = RnnConfig.defaults();
        return new RnnConfig(cell.type, hidden, layers, bidirectional, lookback, ensemble, epochs, d.batchSize(),
                d.learningRate(), d.patience(), maxWindows, threads);
    }
}
