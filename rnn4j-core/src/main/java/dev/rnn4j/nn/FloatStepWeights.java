package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.PackedMatrix;

/**
 * The float32 weights feeding some gate columns of a layer (all of them, or the columns of one
 * range of units, see {@link SplitStep}): W_ih and W_hh transposed and packed, and the bias
 * each product starts from ({@code recurrentBias} only for a cell that keeps the recurrent part
 * apart and has biases).
 */
record FloatStepWeights(PackedMatrix input, PackedMatrix recurrent, float[] inputBias, float[] recurrentBias) {

    /**
     * {@code gates = x·W_ih^T + inputBias}, then {@code h·W_hh^T} added onto it, or, for a cell
     * that keeps the recurrent part apart, {@code rec = h·W_hh^T + recurrentBias}; {@code rows}
     * rows, row i of x at {@code inOff + i*inWidth} and of h at {@code hOff + i*hidden}.
     */
    void preactivations(Kernels k, Cell cell, int rows, float[] in, int inOff, int inWidth, float[] h, int hOff,
                        int hidden, float[] gates, float[] rec) {
        int gw = inputBias.length;
        for (int i = 0; i < rows; i++) {
            System.arraycopy(inputBias, 0, gates, i * gw, gw);
        }
        k.gemmPacked(rows, in, inOff, inWidth, input, 1f, gates, 0, gw);
        float[] target = gates;
        float beta = 1f;
        if (cell.keepsRecurrentPreactivations()) {
            target = rec;
            beta = recurrentBias != null ? 1f : 0f;
            for (int i = 0; recurrentBias != null && i < rows; i++) {
                System.arraycopy(recurrentBias, 0, rec, i * gw, gw);
            }
        }
        k.gemmPacked(rows, h, hOff, hidden, recurrent, beta, target, 0, gw);
    }
}
