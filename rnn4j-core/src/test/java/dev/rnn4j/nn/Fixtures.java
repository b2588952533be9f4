package dev.rnn4j.nn;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared helpers for the network tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** The scalar kernels, and the vector kernels when this JVM can run them. */
    static List<Kernels> kernels() {
        List<Kernels> all = new ArrayList<>();
        all.add(KernelProvider.scalar());
        KernelProvider.vector().ifPresent(all::add);
        return all;
    }

    static Tensor random(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextDouble(-1, 1);
        }
        return t;
    }

    /** A network with seeded random weights on the given kernels. */
    static RecurrentNetwork network(RecurrentConfig config, Kernels kernels, long seed) {
        RecurrentNetwork net = new RecurrentNetwork(config, kernels);
        net.parameters().copyFrom(RecurrentNetwork.create(config, seed).parameters());
        return net;
    }
}
