package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link RecurrentNetwork#infer(Tensor, int[], Tensor, Tensor, RecurrentOutput)}: writing into an
 * earlier result's tensors gives the numbers of a fresh inference, whatever those tensors held,
 * and refuses results it would corrupt or that do not fit.
 */
class InferReuseTest {

    /** NaN in every reused value: a position the pass did not write would show. */
    private static void poison(RecurrentOutput out) {
        Arrays.fill(out.output().data(), Float.NaN);
        Arrays.fill(out.hN().data(), Float.NaN);
        if (out.cN() != null) {
            Arrays.fill(out.cN().data(), Float.NaN);
        }
    }

    @Test
    void reusedTensorsHoldTheNumbersOfAFreshInference() {
        int batch = 5;
        int time = 7;
        int[] lengths = {7, 1, 4, 6, 3};
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : Fixtures.MIXED_CONFIGS) {
                for (int maxFloats : new int[] {Integer.MAX_VALUE, 0}) {
                    RecurrentNetwork net = Fixtures.network(config, k, 21);
                    net.perStepProjectionMaxFloats = maxFloats;
                    Tensor x = Fixtures.random(22, batch, time, config.inputSize());
                    Tensor h0 = Fixtures.random(23, config.stateSlices(), batch, config.hiddenSize());
                    Tensor c0 = config.cell().hasCellState() ? Fixtures.random(24, config.stateSlices(), batch, config.hiddenSize()) : null;
                    RecurrentOutput reuse = net.infer(Fixtures.random(25, batch, time, config.inputSize()));
                    for (int[] lens : new int[][] {null, lengths}) {
                        String what = config + " on " + k.name() + (lens == null ? "" : ", padded") + (maxFloats == 0 ? ", projected up front" : "");
                        RecurrentOutput fresh = net.infer(x, lens, h0, c0);
                        poison(reuse);
                        RecurrentOutput again = net.infer(x, lens, h0, c0, reuse);
                        assertThat(again.output()).as(what).isSameAs(reuse.output());
                        assertThat(again.hN()).as(what).isSameAs(reuse.hN());
                        assertThat(again.output().data()).as(what).containsExactly(fresh.output().data());
                        assertThat(again.hN().data()).as(what).containsExactly(fresh.hN().data());
                        if (c0 != null) {
                            assertThat(again.cN().data()).as(what).containsExactly(fresh.cN().data());
                        }
                    }
                }
            }
        }
    }

    /** The chunked-sequence idiom: the final states of one chunk are the initial states of the next, in place. */
    @Test
    void stateCarriesFromChunkToChunkInPlace() {
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : Fixtures.MIXED_CONFIGS) {
                RecurrentNetwork net = Fixtures.network(config, k, 31);
                Tensor first = Fixtures.random(32, 3, 6, config.inputSize());
                Tensor second = Fixtures.random(33, 3, 6, config.inputSize());
                RecurrentOutput a = net.infer(first);
                Tensor h = a.hN().copy();
                Tensor c = a.cN() == null ? null : a.cN().copy();
                RecurrentOutput expected = net.infer(second, null, h, c);

                RecurrentOutput out = net.infer(first);
                out = net.infer(second, null, out.hN(), out.cN(), out);
                assertThat(out.output().data()).as(config + " on " + k.name()).containsExactly(expected.output().data());
                assertThat(out.hN().data()).as(config + " on " + k.name()).containsExactly(expected.hN().data());
                if (c != null) {
                    assertThat(out.cN().data()).as(config + " on " + k.name()).containsExactly(expected.cN().data());
                }
            }
        }
    }

    @Test
    void refusesResultsThatDoNotFitOrAreStillNeeded() {
        RecurrentConfig config = RecurrentConfig.lstm(8, 4).withBidirectional(true);
        RecurrentNetwork net = RecurrentNetwork.create(config, 41);
        Tensor x = Fixtures.random(42, 2, 5, 8);
        RecurrentOutput smaller = net.infer(Fixtures.random(43, 1, 5, 8));
        assertThatThrownBy(() -> net.infer(x, null, null, null, smaller))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reuse.output() must have this batch's shape [batch, time, num_directions*hidden] = [2, 5, 8], got [1, 5, 8].");

        RecurrentOutput training = net.forward(x);
        assertThatThrownBy(() -> net.infer(x, null, null, null, training))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backward has not run yet");

        RecurrentOutput previous = net.infer(x);
        // Output width 2*4 equals the input size 8, so the previous output is a valid input: but not into itself.
        assertThatThrownBy(() -> net.infer(previous.output(), null, null, null, previous))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input x must not be reuse.output(): the pass reads x while it writes the output.");

        RecurrentOutput gru = RecurrentNetwork.create(RecurrentConfig.gru(8, 4).withBidirectional(true), 44).infer(x);
        assertThatThrownBy(() -> net.infer(x, null, null, null, gru))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reuse.cN() must have shape")
                .hasMessageContaining("none (not an LSTM result)");

        assertThatThrownBy(() -> net.infer(x, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reuse must be an earlier result of infer()");
    }
}
