package dev.rnn4j.model;

/**
 * How a new model's parameters are drawn (all from the model's seed).
 *
 * @param recurrent  recurrent weights W_hh
 * @param input      input weights W_ih and the head's weights
 * @param forgetBias value of the LSTM forget-gate bias (in {@code bias_ih}; {@code bias_hh} stays 0); ignored for other cells
 */
public record InitSpec(Recurrent recurrent, Input input, double forgetBias) {

    /** Recurrent weight schemes. */
    public enum Recurrent {
        /** PyTorch's default, U(-1/sqrt(H), 1/sqrt(H)) for every parameter including biases. */
        PYTORCH_UNIFORM,
        /** Each gate block of W_hh an independent random orthogonal H×H matrix (Saxe et al. 2014). */
        ORTHOGONAL,
        /** W_hh = identity, biases 0: the IRNN of Le et al. 2015, for ReLU RNNs. */
        IDENTITY
    }

    /** Input weight schemes. */
    public enum Input {
        PYTORCH_UNIFORM,
        /** U(-a, a), a = sqrt(6 / (fan_in + fan_out)) per gate block (Glorot and Bengio 2010). */
        GLOROT_UNIFORM
    }

    public InitSpec {
        if (recurrent == null || input == null) {
            throw new IllegalArgumentException("init recurrent and input schemes must be given, got " + recurrent + " and " + input + ".");
        }
        if (!Double.isFinite(forgetBias)) {
            throw new IllegalArgumentException("init forgetBias must be finite, got " + forgetBias + ".");
        }
    }

    /** The guide's recommendation: orthogonal recurrent, Glorot input weights, forget bias 1. */
    public static InitSpec recommended() {
        return new InitSpec(Recurrent.ORTHOGONAL, Input.GLOROT_UNIFORM, 1.0);
    }

    public static InitSpec pytorch() {
        return new InitSpec(Recurrent.PYTORCH_UNIFORM, Input.PYTORCH_UNIFORM, 0.0);
    }

    public static InitSpec irnn() {
        return new InitSpec(Recurrent.IDENTITY, Input.GLOROT_UNIFORM, 0.0);
    }
}
