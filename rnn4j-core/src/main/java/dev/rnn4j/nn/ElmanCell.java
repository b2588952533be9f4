package dev.rnn4j.nn;

import dev.rnn4j.kernel.Activation;
import dev.rnn4j.kernel.Kernels;

/** Vanilla (Elman) RNN: h' = act(x·W_ih^T + b_ih + h·W_hh^T + b_hh), act = tanh or relu. */
final class ElmanCell implements Cell {

    private final Activation activation;

    ElmanCell(Activation activation) {
        this.activation = activation;
    }

    @Override
    public int gates() {
        return 1;
    }

    @Override
    public boolean hasCellState() {
        return false;
    }

    @Override
    public boolean keepsRecurrentPreactivations() {
        return false;
    }

    @Override
    public boolean splitsRecurrentGradient() {
        return false;
    }

    @Override
    public boolean foldsRecurrentBias() {
        return true;
    }

    @Override
    public void forward(Kernels k, DirectionCache m, int t, int recOff, int b0, int b1) {
        int gates = b0 * m.gateWidth;
        k.elmanForward(activation, b1 - b0, m.hidden, m.gates, m.gatesOffset(t) + gates,
                m.h, m.stateOffset(m.direction.curSlot(t)) + b0 * m.hidden);
    }

    @Override
    public void backward(Kernels k, DirectionCache m, int t, int recOff, int b0, int b1, float[] dh, float[] dc,
                         float[] dcPrev, float[] dhPrev) {
        // The derivative is a function of the output h, so backward needs no pre-activations.
        k.elmanBackward(activation, b1 - b0, m.hidden, m.h, m.stateOffset(m.direction.curSlot(t)) + b0 * m.hidden, dh,
                m.dGatesX, m.gatesOffset(t) + b0 * m.gateWidth);
    }

    @Override
    public void step(Kernels k, int rows, int hidden, float[] gates, float[] rec, float[] h, float[] c, int stateOff) {
        // In place: each element of the state is read before it is overwritten.
        k.elmanForward(activation, rows, hidden, gates, 0, h, stateOff);
    }
}
