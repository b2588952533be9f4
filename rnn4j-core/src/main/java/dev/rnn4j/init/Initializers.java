package dev.rnn4j.init;

import dev.rnn4j.model.InitSpec;
import dev.rnn4j.model.LayerSpec;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.ParameterLayout;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws a new model's parameters as its {@link InitSpec} says, from one seeded random source, in
 * parameter order (so the same seed always gives the same weights).
 */
public final class Initializers {

    private Initializers() {
    }

    /** Initialises every parameter of {@code model} (the flat array; call parametersChanged after). */
    public static void initialize(SequenceModel model, SplittableRandom random) {
        InitSpec spec = model.config().init();
        float[] w = model.parameters();
        for (ParameterLayout.Entry e : model.entries()) {
            String name = e.name();
            if (name.startsWith("norms.")) {
                // layer norm starts as the identity, as in PyTorch: gain 1, bias 0
                if (name.endsWith("weight")) {
                    Arrays.fill(w, e.offset(), e.offset() + e.size(), 1f);
                }
                continue;
            }
            if (name.startsWith("head.")) {
                if (name.endsWith("weight")) {
                    glorotUniform(w, e.offset(), e.shape()[0], e.shape()[1], random);
                }
                continue; // the head's bias stays 0
            }
            LayerSpec layer = model.config().layers().get(layerIndex(name));
            int hidden = layer.hiddenSize();
            int gates = layer.cell().gates();
            String local = name.substring(name.indexOf('.', "layers.".length()) + 1);
            if (local.startsWith("weight_hh")) {
                recurrent(spec.recurrent(), w, e, gates, hidden, random);
            } else if (local.startsWith("weight_ih")) {
                if (spec.input() == InitSpec.Input.GLOROT_UNIFORM) {
                    for (int g = 0; g < gates; g++) {
                        glorotUniform(w, e.offset() + g * hidden * e.shape()[1], hidden, e.shape()[1], random);
                    }
                } else {
                    uniform(w, e.offset(), e.size(), 1 / Math.sqrt(hidden), random);
                }
            } else if (spec.recurrent() == InitSpec.Recurrent.PYTORCH_UNIFORM) {
                uniform(w, e.offset(), e.size(), 1 / Math.sqrt(hidden), random);
            }
            if (local.startsWith("bias_ih") && layer.cell() == CellType.LSTM && spec.forgetBias() != 0) {
                forgetBias(w, e.offset(), hidden, (float) spec.forgetBias());
            }
        }
    }

    private static void recurrent(InitSpec.Recurrent scheme, float[] w, ParameterLayout.Entry e, int gates, int hidden,
                                  SplittableRandom random) {
        switch (scheme) {
            case PYTORCH_UNIFORM -> uniform(w, e.offset(), e.size(), 1 / Math.sqrt(hidden), random);
            case ORTHOGONAL -> {
                for (int g = 0; g < gates; g++) {
                    orthogonal(w, e.offset() + g * hidden * hidden, hidden, random);
                }
            }
            case IDENTITY -> {
                for (int g = 0; g < gates; g++) {
                    identity(w, e.offset() + g * hidden * hidden, hidden);
                }
            }
        }
    }

    private static int layerIndex(String name) {
        int start = "layers.".length();
        return Integer.parseInt(name.substring(start, name.indexOf('.', start)));
    }

    /** U(-bound, bound) into {@code n} values. */
    public static void uniform(float[] w, int off, int n, double bound, SplittableRandom random) {
        for (int i = 0; i < n; i++) {
            w[off + i] = (float) random.nextDouble(-bound, bound);
        }
    }

    /** Glorot/Xavier uniform for a rows×cols matrix: U(-a, a), a = sqrt(6 / (rows + cols)). */
    public static void glorotUniform(float[] w, int off, int rows, int cols, SplittableRandom random) {
        uniform(w, off, rows * cols, Math.sqrt(6.0 / (rows + cols)), random);
    }

    /** LSTM gates are i, f, g, o: the forget block is the second run of {@code hidden} biases. */
    public static void forgetBias(float[] bias, int off, int hidden, float value) {
        for (int j = 0; j < hidden; j++) {
            bias[off + hidden + j] = value;
        }
    }

    /** An n×n identity matrix (IRNN). */
    public static void identity(float[] w, int off, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[off + i * n + j] = i == j ? 1f : 0f;
            }
        }
    }

    /**
     * A random orthogonal n×n matrix: Gram–Schmidt (twice, for float-level orthogonality) on the
     * rows of a Gaussian matrix, which gives the Haar distribution up to row signs.
     */
    public static void orthogonal(float[] w, int off, int n, SplittableRandom random) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = random.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < i; k++) {
                    double dot = 0;
                    for (int j = 0; j < n; j++) {
                        dot += q[i][j] * q[k][j];
                    }
                    for (int j = 0; j < n; j++) {
                        q[i][j] -= dot * q[k][j];
                    }
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm += q[i][j] * q[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < n; j++) {
                q[i][j] /= norm;
                w[off + i * n + j] = (float) q[i][j];
            }
        }
    }
}
