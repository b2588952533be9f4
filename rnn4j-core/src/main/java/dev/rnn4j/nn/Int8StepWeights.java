package dev.rnn4j.nn;

import dev.rnn4j.quant.Int8Kernel;
import dev.rnn4j.quant.Int8Matrix;

/**
 * A streaming step's weights in int8: W_ih and W_hh of every layer quantised per gate row
 * ({@link Int8Matrix}), multiplied by an {@link Int8Kernel} with float32 accumulation. Biases,
 * states and gate math stay float32, so the only error is the weights' rounding.
 */
final class Int8StepWeights {

    private final Int8Matrix[] ih;
    private final Int8Matrix[] hh;
    private final Int8Kernel kernel;

    private Int8StepWeights(Int8Matrix[] ih, Int8Matrix[] hh, Int8Kernel kernel) {
        this.ih = ih;
        this.hh = hh;
        this.kernel = kernel;
    }

    /** Quantises the float weights {@code w} of a unidirectional network laid out as {@code layout}. */
    static Int8StepWeights quantize(RecurrentConfig config, float[] w, ParameterLayout layout, Int8Kernel kernel) {
        int layers = config.numLayers();
        int hidden = config.hiddenSize();
        int gw = config.cell().gates() * hidden;
        Int8Matrix[] ih = new Int8Matrix[layers];
        Int8Matrix[] hh = new Int8Matrix[layers];
        for (int l = 0; l < layers; l++) {
            ParameterLayout.DirectionOffsets p = layout.direction(l, 0, 1);
            ih[l] = Int8Matrix.quantize(w, p.weightIh(), gw, p.inputSize());
            hh[l] = Int8Matrix.quantize(w, p.weightHh(), gw, hidden);
        }
        return new Int8StepWeights(ih, hh, kernel);
    }

    /** {@code gates[gOff ..] += W_ih·x} for {@code layer}. */
    void addInput(int layer, float[] x, int xOff, float[] gates, int gOff) {
        ih[layer].multiplyAdd(kernel, x, xOff, gates, gOff);
    }

    /** {@code rec[rOff ..] += W_hh·h} for {@code layer}. */
    void addRecurrent(int layer, float[] h, int hOff, float[] rec, int rOff) {
        hh[layer].multiplyAdd(kernel, h, hOff, rec, rOff);
    }

    String precision() {
        return "int8 (" + kernel.name() + ")";
    }
}
