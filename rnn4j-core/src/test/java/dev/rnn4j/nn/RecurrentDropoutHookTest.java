package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The variational recurrent dropout hook in {@link DirectionPass}: gradients by central finite
 * differences, and equivalence with masking the columns of W_hh (which is what "the same mask at
 * every step" means for one sequence).
 */
class RecurrentDropoutHookTest {

    private static Tensor random(SplittableRandom r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) r.nextDouble(-1, 1);
        }
        return t;
    }

    private static Tensor mask(SplittableRandom r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = r.nextBoolean() ? 2f : 0f; // keep probability 1/2, inverted scaling
        }
        return t;
    }

    /** Loss = Σ output·R + Σ hN·S (+ Σ cN·U), in double. */
    private static double loss(RecurrentNetwork net, Tensor x, int[] lengths, Tensor h0, Tensor m, Tensor rOut, Tensor rH,
                               Tensor rC) {
        RecurrentOutput o = net.forward(x, lengths, h0, null, m);
        double s = dot(o.output(), rOut) + dot(o.hN(), rH);
        return o.cN() == null ? s : s + dot(o.cN(), rC);
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += (double) a.data()[i] * b.data()[i];
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"RNN_TANH", "LSTM", "GRU"}) // ReLU's kink defeats finite differences
    void gradientsMatchFiniteDifferences(CellType cell) {
        SplittableRandom r = new SplittableRandom(7 + cell.ordinal());
        RecurrentConfig config = new RecurrentConfig(cell, 3, 4, 1, true, true);
        RecurrentNetwork net = RecurrentNetwork.create(config, 11);
        int batch = 3;
        int time = 5;
        Tensor x = random(r, batch, time, 3);
        int[] lengths = {5, 3, 4};
        Tensor h0 = random(r, 2, batch, 4);
        Tensor m = mask(r, 2, batch, 4);
        Tensor rOut = random(r, batch, time, 8);
        Tensor rH = random(r, 2, batch, 4);
        Tensor rC = random(r, 2, batch, 4);

        RecurrentOutput out = net.forward(x, lengths, h0, null, m);
        Parameters g = net.newGradients();
        InputGradients in = net.backward(out, rOut, rH, cell.hasCellState() ? rC : null, g);

        float[] w = net.parameters().values();
        double eps = 1e-2;
        for (int i = 0; i < w.length; i += 3) {
            float old = w[i];
            w[i] = (float) (old + eps);
            double up = loss(net, x, lengths, h0, m, rOut, rH, rC);
            w[i] = (float) (old - eps);
            double down = loss(net, x, lengths, h0, m, rOut, rH, rC);
            w[i] = old;
            double numeric = (up - down) / (2 * eps);
            assertThat((double) g.values()[i]).as("d/dw[%d] (%s)", i, cell).isCloseTo(numeric, within(2e-3 + 2e-3 * Math.abs(numeric)));
        }
        for (int i = 0; i < h0.size(); i++) {
            float old = h0.data()[i];
            h0.data()[i] = (float) (old + eps);
            double up = loss(net, x, lengths, h0, m, rOut, rH, rC);
            h0.data()[i] = (float) (old - eps);
            double down = loss(net, x, lengths, h0, m, rOut, rH, rC);
            h0.data()[i] = old;
            double numeric = (up - down) / (2 * eps);
            assertThat((double) in.dh0().data()[i]).as("d/dh0[%d] (%s)", i, cell).isCloseTo(numeric, within(2e-3 + 2e-3 * Math.abs(numeric)));
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void oneSequenceWithAMaskEqualsMaskingTheColumnsOfTheRecurrentWeights(CellType cell) {
        SplittableRandom r = new SplittableRandom(3);
        int hidden = 6;
        RecurrentConfig config = new RecurrentConfig(cell, 2, hidden, 1, false, true);
        RecurrentNetwork masked = RecurrentNetwork.create(config, 5);
        RecurrentNetwork columns = RecurrentNetwork.create(config, 5);
        Tensor m = mask(r, 1, 1, hidden);
        float[] whh = columns.parameters().values();
        ParameterLayout.Entry e = columns.parameters().layout().entry("weight_hh_l0");
        for (int row = 0; row < e.shape()[0]; row++) {
            for (int j = 0; j < hidden; j++) {
                whh[e.offset() + row * hidden + j] *= m.data()[j];
            }
        }
        Tensor x = random(r, 1, 12, 2);
        Tensor h0 = random(r, 1, 1, hidden);
        // Multiplying by 0 or 2 is exact in float, so the two paths agree bit for bit.
        assertThat(masked.forward(x, null, h0, null, m).output().data())
                .containsExactly(columns.forward(x, null, h0, null, null).output().data());
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void anAllOnesMaskChangesNothing(CellType cell) {
        SplittableRandom r = new SplittableRandom(9);
        RecurrentConfig config = new RecurrentConfig(cell, 2, 5, 2, true, true);
        RecurrentNetwork net = new RecurrentNetwork(config, KernelProvider.scalar());
        net.parameters().copyFrom(RecurrentNetwork.create(config, 1).parameters());
        Tensor x = random(r, 3, 7, 2);
        Tensor ones = Tensor.zeros(4, 3, 5);
        java.util.Arrays.fill(ones.data(), 1f);
        RecurrentOutput a = net.forward(x, new int[] {7, 2, 5}, null, null, ones);
        RecurrentOutput b = net.forward(x, new int[] {7, 2, 5}, null, null, null);
        assertThat(a.output().data()).containsExactly(b.output().data());
        Tensor dy = random(r, 3, 7, 10);
        Parameters ga = net.newGradients();
        Parameters gb = net.newGradients();
        net.backward(a, dy, null, null, ga);
        net.backward(b, dy, null, null, gb);
        // GRU adds its direct path z*dh to the masked recurrent gradient after rounding, not inside
        // the product's double accumulation: equal up to float rounding.
        for (int i = 0; i < ga.values().length; i++) {
            assertThat(ga.values()[i]).isCloseTo(gb.values()[i], within(1e-6f + 1e-6f * Math.abs(gb.values()[i])));
        }
    }
}
