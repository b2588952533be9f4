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
    public void forward(Kernels k, DirectionCache m, int t, int recOff) {
        TimeDirection dir = m.direction;
        k.lstmForward(m.batch, m.hidden, m.gates, m.gatesOffset(t), m.rec, recOff,
                m.c, m.stateOffset(dir.prevSlot(t)), m.stateOffset(dir.curSlot(t)),
                m.h, m.stateOffset(dir.curSlot(t)));
    }

    @Override
    public void backward(Kernels k, DirectionCache m, int t, int recOff, float[] dh, float[] dc, float[] dcPrev,
                         float[] dGatesX, float[] dGatesH, float[] dhPrev) {
        TimeDirection dir = m.direction;
        k.lstmBackward(m.batch, m.hidden, m.gates, m.gatesOffset(t),
                m.c, m.stateOffset(dir.prevSlot(t)), m.stateOffset(dir.curSlot(t)),
                dh, dc, dGatesX, m.gatesOffset(t), dcPrev);
    }
}
