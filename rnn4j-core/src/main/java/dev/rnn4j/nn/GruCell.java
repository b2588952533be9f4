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
    public void forward(Kernels k, DirectionCache m, int t, int recOff) {
        TimeDirection dir = m.direction;
        k.gruForward(m.batch, m.hidden, m.gates, m.gatesOffset(t), m.rec, recOff,
                m.h, m.stateOffset(dir.prevSlot(t)), m.stateOffset(dir.curSlot(t)));
    }

    @Override
    public void backward(Kernels k, DirectionCache m, int t, int recOff, float[] dh, float[] dc, float[] dcPrev,
                         float[] dGatesX, float[] dGatesH, float[] dhPrev) {
        k.gruBackward(m.batch, m.hidden, m.gates, m.gatesOffset(t), m.rec, recOff,
                m.h, m.stateOffset(m.direction.prevSlot(t)), dh,
                dGatesX, m.gatesOffset(t), dGatesH, m.gatesOffset(t), dhPrev);
    }
}
