package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The parallel and buffer-reusing pass gives the same numbers as the plain one: threads split
 * work without changing any sum, workspaces are reused without leaking state, and infer() equals
 * forward().
 */
class PassStructureTest {

    private static final RecurrentConfig[] CONFIGS = {
        RecurrentConfig.lstm(6, 20).withLayers(2),
        RecurrentConfig.gru(5, 12).withBidirectional(true),
        RecurrentConfig.rnn(3, 8).withLayers(2).withBidirectional(true),
    };

    private record Run(float[] output, float[] hN, float[] dx, float[] dh0, float[] grads) {
    }

    private static Run run(RecurrentNetwork net, Tensor x, int[] lengths, Tensor dy) {
        RecurrentOutput out = net.forward(x, lengths);
        Parameters g = net.newGradients();
        InputGradients in = net.backward(out, dy, null, null, g);
        return new Run(out.output().data(), out.hN().data(), in.dx().data(), in.dh0().data(), g.values());
    }

    @Test
    void twoThreadsGiveBitwiseTheSameResultsAsOne() {
        int batch = 19;
        int time = 7;
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = 1 + b % time;
        }
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : CONFIGS) {
                Tensor x = Fixtures.random(1, batch, time, config.inputSize());
                Tensor dy = Fixtures.random(2, batch, time, config.outputSize());
                RecurrentNetwork net = Fixtures.network(config, k, 3);
                Run one = run(net, x, lengths, dy);
                net.setThreads(2);
                Run two = run(net, x, lengths, dy);
                String what = config + " on " + k.name();
                assertThat(two.output()).as(what).containsExactly(one.output());
                assertThat(two.hN()).as(what).containsExactly(one.hN());
                assertThat(two.dx()).as(what).containsExactly(one.dx());
                assertThat(two.dh0()).as(what).containsExactly(one.dh0());
                assertThat(two.grads()).as(what).containsExactly(one.grads());
            }
        }
    }

    /**
     * Inference keeps the packed weights between calls only while the parameters stay the same:
     * a weight written in place, or a different projection rule, is packed afresh, and every call
     * gives what forward() gives.
     */
    @Test
    void inferenceReusesPackedWeightsOnlyWhileTheParametersStayTheSame() {
        int batch = 9;
        int time = 5;
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : CONFIGS) {
                String what = config + " on " + k.name();
                RecurrentNetwork net = Fixtures.network(config, k, 8);
                Tensor x = Fixtures.random(9, batch, time, config.inputSize());
                float[] first = net.infer(x).output().data().clone();
                assertThat(net.infer(x).output().data()).as(what).containsExactly(first);
                assertThat(net.forward(x).output().data()).as(what).containsExactly(first);

                float[] w = net.parameters().values();
                for (int i = 0; i < w.length; i += 7) {
                    w[i] += 0.25f;
                }
                float[] changed = net.infer(x).output().data().clone();
                assertThat(changed).as(what).isNotEqualTo(first);
                assertThat(net.forward(x).output().data()).as(what).containsExactly(changed);

                net.perStepProjectionMaxFloats = 0;
                assertThat(net.infer(x).output().data()).as(what).containsExactly(net.forward(x).output().data());
            }
        }
    }

    /** Leaving out the input gradient changes nothing else: same parameter and state gradients, bit for bit. */
    @Test
    void skippingTheInputGradientLeavesEveryOtherGradientAsItWas() {
        int batch = 13;
        int time = 5;
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = 1 + b % time;
        }
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : CONFIGS) {
                for (int threads : new int[] {1, 2}) {
                    Tensor x = Fixtures.random(4, batch, time, config.inputSize());
                    Tensor dy = Fixtures.random(5, batch, time, config.outputSize());
                    RecurrentNetwork net = Fixtures.network(config, k, 6);
                    net.setThreads(threads);
                    Run all = run(net, x, lengths, dy);
                    Parameters g = net.newGradients();
                    InputGradients in = net.backward(net.forward(x, lengths), dy, null, null, g, false);
                    String what = config + " on " + k.name() + ", " + threads + " thread(s)";
                    assertThat(in.dx()).as(what).isNull();
                    assertThat(in.dh0().data()).as(what).containsExactly(all.dh0());
                    assertThat(g.values()).as(what).containsExactly(all.grads());
                }
            }
        }
    }

    /**
     * Projecting each step's input inside the time loop gives what one product before the loop
     * gives: bit for bit while the input fits one depth block of the kernels, within float
     * rounding beyond (the 300-wide input), with 1 and 2 threads, lengths and an initial state.
     */
    @Test
    void projectingPerStepEqualsProjectingUpFront() {
        RecurrentConfig[] configs = {
            RecurrentConfig.lstm(6, 20).withLayers(2),
            RecurrentConfig.gru(5, 12).withBidirectional(true),
            RecurrentConfig.rnn(3, 8).withLayers(2).withBidirectional(true),
            RecurrentConfig.lstm(300, 9),
        };
        int batch = 11;
        int time = 6;
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = 1 + b % time;
        }
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : configs) {
                Tensor x = Fixtures.random(11, batch, time, config.inputSize());
                Tensor dy = Fixtures.random(12, batch, time, config.outputSize());
                for (int threads = 1; threads <= 2; threads++) {
                    RecurrentNetwork perStep = Fixtures.network(config, k, 3);
                    perStep.perStepProjectionMaxFloats = Integer.MAX_VALUE;
                    RecurrentNetwork upFront = Fixtures.network(config, k, 3);
                    upFront.perStepProjectionMaxFloats = 0;
                    perStep.setThreads(threads);
                    upFront.setThreads(threads);
                    Run a = run(perStep, x, lengths, dy);
                    Run b = run(upFront, x, lengths, dy);
                    String what = config + " on " + k.name() + ", " + threads + " thread(s)";
                    if (config.inputSize() <= 128) {
                        assertThat(a.output()).as(what).containsExactly(b.output());
                        assertThat(a.grads()).as(what).containsExactly(b.grads());
                    } else {
                        assertThat(a.output()).as(what).containsExactly(b.output(), within(2e-6f));
                        assertThat(a.grads()).as(what).containsExactly(b.grads(), within(2e-5f));
                    }
                    assertThat(a.hN()).as(what).containsExactly(b.hN(), within(2e-6f));
                    assertThat(a.dx()).as(what).containsExactly(b.dx(), within(2e-5f));
                    // infer() takes the same path as forward().
                    assertThat(perStep.infer(x, lengths, null, null).output().data()).as(what).containsExactly(a.output());
                }
            }
        }
    }

    @Test
    void reusedWorkspacesLeaveNoTrace() {
        for (Kernels k : Fixtures.kernels()) {
            RecurrentConfig config = RecurrentConfig.lstm(4, 10).withBidirectional(true);
            RecurrentNetwork net = Fixtures.network(config, k, 9);
            Tensor x = Fixtures.random(4, 3, 5, 4);
            Tensor dy = Fixtures.random(5, 3, 5, 20);
            int[] lengths = {5, 2, 4};
            Run first = run(net, x, lengths, dy);
            // A different pass in between, with other lengths and an initial state, must not leak into the next.
            RecurrentOutput other = net.forward(Fixtures.random(6, 3, 5, 4), new int[] {1, 1, 1},
                    Fixtures.random(7, 2, 3, 10), Fixtures.random(8, 2, 3, 10));
            net.backward(other, Fixtures.random(9, 3, 5, 20), null, null, net.newGradients());
            net.infer(Fixtures.random(10, 2, 9, 4));
            Run again = run(net, x, lengths, dy);
            assertThat(again.output()).containsExactly(first.output());
            assertThat(again.dx()).containsExactly(first.dx());
            assertThat(again.grads()).containsExactly(first.grads());
        }
    }

    @Test
    void inferEqualsForward() {
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : CONFIGS) {
                RecurrentNetwork net = Fixtures.network(config, k, 11);
                Tensor x = Fixtures.random(12, 9, 6, config.inputSize());
                RecurrentOutput f = net.forward(x);
                RecurrentOutput i = net.infer(x);
                assertThat(i.output().data()).containsExactly(f.output().data());
                assertThat(i.hN().data()).containsExactly(f.hN().data());
            }
        }
    }

    /**
     * Inference keeps two state slots and one step's gates, used in turn, where forward keeps
     * every step for backward: the same numbers with odd and even lengths (the final state in
     * either slot), initial states, both directions, and the up-front projection, which needs
     * every step's gates again.
     */
    @Test
    void inferencesRollingBuffersGiveForwardsNumbers() {
        int batch = 5;
        int time = 7;
        int[] lengths = {7, 1, 4, 6, 3};
        for (Kernels k : Fixtures.kernels()) {
            for (RecurrentConfig config : Fixtures.MIXED_CONFIGS) {
                for (int maxFloats : new int[] {Integer.MAX_VALUE, 0}) {
                    RecurrentNetwork net = Fixtures.network(config, k, 13);
                    net.perStepProjectionMaxFloats = maxFloats;
                    Tensor x = Fixtures.random(14, batch, time, config.inputSize());
                    Tensor h0 = Fixtures.random(15, config.stateSlices(), batch, config.hiddenSize());
                    Tensor c0 = config.cell().hasCellState() ? Fixtures.random(16, config.stateSlices(), batch, config.hiddenSize()) : null;
                    String what = config + " on " + k.name() + (maxFloats == 0 ? ", projected up front" : ", projected per step");
                    for (int[] lens : new int[][] {null, lengths}) {
                        RecurrentOutput f = net.forward(x, lens, h0, c0);
                        RecurrentOutput i = net.infer(x, lens, h0, c0);
                        assertThat(i.output().data()).as(what).containsExactly(f.output().data());
                        assertThat(i.hN().data()).as(what).containsExactly(f.hN().data());
                        if (c0 != null) {
                            assertThat(i.cN().data()).as(what).containsExactly(f.cN().data());
                        }
                        // The training pass after an inference still has its whole cache.
                        net.backward(f, Fixtures.random(17, batch, time, config.outputSize()), null, null, net.newGradients());
                    }
                }
            }
        }
    }

    @Test
    void backwardNeedsAnUnconsumedForwardResult() {
        RecurrentNetwork net = RecurrentNetwork.create(RecurrentConfig.gru(2, 3), 1);
        Tensor x = Fixtures.random(1, 2, 4, 2);
        RecurrentOutput inferred = net.infer(x);
        assertThatThrownBy(() -> net.backward(inferred, null, null, null, net.newGradients()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("infer()");
        RecurrentOutput out = net.forward(x);
        net.backward(out, null, null, null, net.newGradients());
        assertThatThrownBy(() -> net.backward(out, null, null, null, net.newGradients()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already consumed");
        assertThatThrownBy(() -> net.setThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, got 0.");
    }
}
