package dev.rnn4j.forecast.model;

import dev.rnn4j.nn.RecurrentConfig;

/**
 * Refuses recurrent configurations that cannot forecast honestly. A bidirectional layer reads each
 * window backwards too, so the state at time t already depends on t+1, t+2, ...: trained on windows
 * whose future is known, it learns from values it will not have when forecasting. The RNN
 * forecaster calls this from {@link Forecaster#checkCausal()}.
 */
public final class CausalityGuard {

    private CausalityGuard() {
    }

    /**
     * @throws IllegalArgumentException naming the model and the reason when the config is bidirectional
     */
    public static void requireForwardOnly(String model, RecurrentConfig config) {
        if (config.bidirectional()) {
            throw new IllegalArgumentException("Forecaster '" + model + "' has a bidirectional " + config.cell()
                    + " stack, whose reverse direction feeds later values into earlier states (the future leaks into "
                    + "the past); use a forward-only stack for forecasting.");
        }
    }
}
