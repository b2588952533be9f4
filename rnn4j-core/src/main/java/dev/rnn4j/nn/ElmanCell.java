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
    public void forward(Kernels k, DirectionCache m, int t, int recOff) {
        k.elmanForward(activation, m.batch, m.hidden, m.gates, m.gatesOffset(t), m.rec, recOff,
                m.h, m.stateOffset(m.direction.curSlot(t)));
    }

    @Override
    public void backward(Kernels k, DirectionCache m, int t, int recOff, float[] dh, float[] dc, float[] dcPrev,
                         float[] dGatesX, float[] dGatesH, float[] dhPrev) {
        // The derivative is a function of the output h, so backward needs no pre-activations.
        k.elmanBackward(activation, m.batch, m.hidden, m.h, m.stateOffset(m.direction.curSlot(t)), dh,
                dGatesX, m.gatesOffset(t));
    }
}
