package dev.rnn4j.nn;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared helpers for the network tests: kernels, random tensors, networks and the golden-file loss. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * One config of each cell with stacking and both directions between them, for the inference
     * tests: a 2-layer bidirectional LSTM, a 3-layer GRU, a bidirectional tanh RNN.
     */
    static final RecurrentConfig[] MIXED_CONFIGS = {
        RecurrentConfig.lstm(5, 16).withLayers(2).withBidirectional(true),
        RecurrentConfig.gru(4, 9).withLayers(3),
        RecurrentConfig.rnn(3, 7).withBidirectional(true),
    };

    /** The scalar kernels, and the vector kernels when this JVM can run them. */
    static List<Kernels> kernels() {
        List<Kernels> all = new ArrayList<>();
        all.add(KernelProvider.scalar());
        KernelProvider.vector().ifPresent(all::add);
        return all;
    }

    static Tensor random(long seed, int... shape) {
        return random(new SplittableRandom(seed), 1.0, shape);
    }

    static Tensor random(SplittableRandom r, double scale, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (r.nextDouble(-1, 1) * scale);
        }
        return t;
    }

    /** A network with seeded random weights on the given kernels. */
    static RecurrentNetwork network(RecurrentConfig config, Kernels kernels, long seed) {
        RecurrentNetwork net = new RecurrentNetwork(config, kernels);
        net.parameters().copyFrom(RecurrentNetwork.create(config, seed).parameters());
        return net;
    }

    /**
     * Bytes the current thread allocates over 20000 streaming steps, after 5000 warm-up steps.
     * A JIT tier change can allocate a few hundred bytes once (608 seen in one run); one object
     * per step would be at least 16 bytes x 20000 = 320 kB, so callers bound the total at 4 kB.
     */
    static long bytesAllocatedByStreaming(StreamingNetwork stream, int inputs, int outputs) {
        StreamState s = stream.newState();
        float[] x = new float[inputs];
        float[] out = new float[outputs];
        for (int i = 0; i < 5000; i++) {
            x[i % inputs] = i % 3 - 1;
            stream.step(x, s, out);
        }
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            x[i % inputs] = i % 3 - 1;
            stream.step(x, s, out);
        }
        return mx.getCurrentThreadAllocatedBytes() - before;
    }

    /** loss = sum(output*R) + sum(h_n*Rh) + sum(c_n*Rc), in double. */
    static double loss(RecurrentOutput out, Tensor r, Tensor rh, Tensor rc) {
        double s = dot(out.output(), r) + dot(out.hN(), rh);
        if (out.cN() != null) {
            s += dot(out.cN(), rc);
        }
        return s;
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += (double) a.data()[i] * b.data()[i];
        }
        return s;
    }
}
