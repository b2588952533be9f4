package dev.rnn4j.kernel;

/** The nonlinearity of a vanilla (Elman) RNN cell. */
public enum Activation {
    TANH,
    RELU
}
