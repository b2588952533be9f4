package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the recurrent stack on random shapes, with the reference kernels, where they hold
 * bit for bit: padding never leaks into valid rows, and state carried step by step equals one
 * whole-sequence run.
 */
class SequenceProperties {

    private static final Kernels SCALAR = KernelProvider.scalar();

    @Property(tries = 60)
    void paddedRowEqualsTheRowAlone(@ForAll CellType cell, @ForAll boolean bidi, @ForAll @IntRange(min = 1, max = 3) int layers,
                                    @ForAll @IntRange(min = 1, max = 4) int batch, @ForAll @IntRange(min = 1, max = 7) int time,
                                    @ForAll @IntRange(min = 1, max = 5) int hidden, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RecurrentConfig config = new RecurrentConfig(cell, 1 + r.nextInt(4), hidden, layers, bidi, r.nextBoolean());
        RecurrentNetwork net = randomNetwork(config, r);
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = 1 + r.nextInt(time);
        }
        Tensor x = Fixtures.random(r, 1.0, batch, time, config.inputSize());
        Tensor h0 = Fixtures.random(r, 0.5, config.stateSlices(), batch, hidden);
        Tensor c0 = cell.hasCellState() ? Fixtures.random(r, 0.5, config.stateSlices(), batch, hidden) : null;
        RecurrentOutput padded = net.forward(x, lengths, h0, c0);

        int width = config.outputSize();
        for (int b = 0; b < batch; b++) {
            int len = lengths[b];
            Tensor xb = Tensor.of(Arrays.copyOfRange(x.data(), b * time * config.inputSize(),
                    (b * time + len) * config.inputSize()), 1, len, config.inputSize());
            RecurrentOutput alone = net.forward(xb, null, row(h0, b), c0 == null ? null : row(c0, b));
            float[] paddedRow = Arrays.copyOfRange(padded.output().data(), b * time * width, (b + 1) * time * width);
            float[] expected = Arrays.copyOf(alone.output().data(), time * width); // zeros past the length
            assertThat(paddedRow).as("output row %d (length %d of %d)", b, len, time).containsExactly(expected);
            assertThat(row(padded.hN(), b).data()).as("h_n row %d", b).containsExactly(alone.hN().data());
            if (c0 != null) {
                assertThat(row(padded.cN(), b).data()).as("c_n row %d", b).containsExactly(alone.cN().data());
            }
        }
    }

    @Property(tries = 40)
    void steppingWithCarriedStateEqualsTheWholeSequence(@ForAll CellType cell, @ForAll @IntRange(min = 1, max = 3) int layers,
                                                        @ForAll @IntRange(min = 1, max = 3) int batch,
                                                        @ForAll @IntRange(min = 1, max = 8) int time,
                                                        @ForAll @IntRange(min = 1, max = 6) int hidden, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RecurrentConfig config = new RecurrentConfig(cell, 1 + r.nextInt(4), hidden, layers, false, true);
        RecurrentNetwork net = randomNetwork(config, r);
        int in = config.inputSize();
        Tensor x = Fixtures.random(r, 1.0, batch, time, in);
        RecurrentOutput whole = net.forward(x);

        Tensor h = null;
        Tensor c = null;
        for (int t = 0; t < time; t++) {
            Tensor xt = Tensor.zeros(batch, 1, in);
            for (int b = 0; b < batch; b++) {
                System.arraycopy(x.data(), (b * time + t) * in, xt.data(), b * in, in);
            }
            RecurrentOutput step = net.forward(xt, null, h, c);
            for (int b = 0; b < batch; b++) {
                float[] expected = Arrays.copyOfRange(whole.output().data(), (b * time + t) * hidden, (b * time + t + 1) * hidden);
                float[] actual = Arrays.copyOfRange(step.output().data(), b * hidden, (b + 1) * hidden);
                assertThat(actual).as("output at t=%d row %d", t, b).containsExactly(expected);
            }
            h = step.hN();
            c = step.cN();
        }
        assertThat(h.data()).as("final h").containsExactly(whole.hN().data());
        if (c != null) {
            assertThat(c.data()).as("final c").containsExactly(whole.cN().data());
        }
    }

    private static RecurrentNetwork randomNetwork(RecurrentConfig config, SplittableRandom r) {
        RecurrentNetwork net = new RecurrentNetwork(config, SCALAR);
        float[] w = net.parameters().values();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble(-0.8, 0.8);
        }
        return net;
    }

    /** Slice b of a state tensor [S, B, H] as [S, 1, H]. */
    private static Tensor row(Tensor state, int b) {
        int slices = state.dim(0);
        int batch = state.dim(1);
        int hidden = state.dim(2);
        Tensor out = Tensor.zeros(slices, 1, hidden);
        for (int s = 0; s < slices; s++) {
            System.arraycopy(state.data(), (s * batch + b) * hidden, out.data(), s * hidden, hidden);
        }
        return out;
    }
}
