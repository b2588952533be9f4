package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;

/** LSTM gate math: i, f, g, o; c' = f*c + i*g; h' = o*tanh(c'). */
final class LstmCell implements Cell {

    @Override
    public int gates() {
        return 4;
    }

    @Override
    public boolean hasCellState() {
        return true;
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
        TimeDirection dir = m.direction;
        int gates = b0 * m.gateWidth;
        int state = b0 * m.hidden;
        k.lstmForward(b1 - b0, m.hidden, m.gates, m.gatesOffset(t) + gates,
                m.c, m.stateOffset(dir.prevSlot(t)) + state, m.stateOffset(dir.curSlot(t)) + state,
                m.h, m.stateOffset(dir.curSlot(t)) + state);
    }

    @Override
    public void backward(Kernels k, DirectionCache m, int t, int recOff, int b0, int b1, float[] dh, float[] dc,
                         float[] dcPrev, float[] dhPrev) {
        TimeDirection dir = m.direction;
        int gates = m.gatesOffset(t) + b0 * m.gateWidth;
        int state = b0 * m.hidden;
        k.lstmBackward(b1 - b0, m.hidden, m.gates, gates,
                m.c, m.stateOffset(dir.prevSlot(t)) + state, m.stateOffset(dir.curSlot(t)) + state,
                dh, dc, m.dGatesX, gates, dcPrev);
    }

    @Override
    public void step(Kernels k, int rows, int hidden, float[] gates, float[] rec, float[] h, float[] c, int stateOff) {
        // In place: each element of the state is read before it is overwritten.
        k.lstmForward(rows, hidden, gates, 0, c, stateOff, stateOff, h, stateOff);
    }
}
