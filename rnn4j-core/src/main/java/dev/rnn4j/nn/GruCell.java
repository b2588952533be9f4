package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;

/** GRU gate math, PyTorch's form: r, z, n = tanh(x_n + r*(h·W_hn + b_hn)); h' = (1-z)*n + z*h. */
final class GruCell implements Cell {

    @Override
    public int gates() {
        return 3;
    }

    @Override
    public boolean hasCellState() {
        return false;
    }

    @Override
    public boolean keepsRecurrentPreactivations() {
        return true;
    }

    @Override
    public boolean splitsRecurrentGradient() {
        return true;
    }

    @Override
    public boolean foldsRecurrentBias() {
        return false;
    }

    @Override
    public void forward(Kernels k, DirectionCache m, int t, int recOff, int b0, int b1) {
        TimeDirection dir = m.direction;
        int gates = b0 * m.gateWidth;
        int state = b0 * m.hidden;
        k.gruForward(b1 - b0, m.hidden, m.gates, m.gatesOffset(t) + gates, m.rec, recOff + gates,
                m.h, m.stateOffset(dir.prevSlot(t)) + state, m.stateOffset(dir.curSlot(t)) + state);
    }

    @Override
    public void backward(Kernels k, DirectionCache m, int t, int recOff, int b0, int b1, float[] dh, float[] dc,
                         float[] dcPrev, float[] dhPrev) {
        int gates = b0 * m.gateWidth;
        k.gruBackward(b1 - b0, m.hidden, m.gates, m.gatesOffset(t) + gates, m.rec, recOff + gates,
                m.h, m.stateOffset(m.direction.prevSlot(t)) + b0 * m.hidden, dh,
                m.dGatesX, m.gatesOffset(t) + gates, m.dGatesH, m.gatesOffset(t) + gates, dhPrev);
    }

    @Override
    public void step(Kernels k, int rows, int hidden, float[] gates, float[] rec, float[] h, float[] c, int stateOff) {
        // In place: each element of the state is read before it is overwritten.
        k.gruForward(rows, hidden, gates, 0, rec, 0, h, stateOff, stateOff);
    }
}
