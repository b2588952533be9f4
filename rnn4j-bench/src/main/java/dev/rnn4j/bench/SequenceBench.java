package dev.rnn4j.bench;

import dev.rnn4j.nn.Parameters;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Full-sequence workloads: {@code train} (zero the gradients, forward, MSE against a fixed random
 * target over the whole output sequence, backward to every parameter gradient; no optimizer step)
 * and {@code infer} (forward with no gradient bookkeeping). Inputs and target are standard normal.
 */
final class SequenceBench {

    private final Workload w;
    private final RecurrentNetwork net;
    private final Tensor x;
    private final float[] target;
    private final float[] dOutput;
    private final Parameters grads;

    SequenceBench(Workload w, int threads) {
        this.w = w;
        this.net = RecurrentNetwork.create(w.config(), 42);
        this.net.setThreads(threads);
        SplittableRandom r = new SplittableRandom(1);
        this.x = Tensor.of(normal(r, w.batch() * w.time() * w.input()), w.batch(), w.time(), w.input());
        int outSize = w.batch() * w.time() * w.hidden() * w.directions();
        this.target = normal(r, outSize);
        this.dOutput = new float[outSize];
        this.grads = net.newGradients();
    }

    private static float[] normal(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i += 2) {
            // Box-Muller: two standard normals from two uniforms.
            double u = 1 - r.nextDouble();
            double a = 2 * Math.PI * r.nextDouble();
            double m = Math.sqrt(-2 * Math.log(u));
            v[i] = (float) (m * Math.cos(a));
            if (i + 1 < n) {
                v[i + 1] = (float) (m * Math.sin(a));
            }
        }
        return v;
    }

    /** One training iteration; returns the loss so the work cannot be optimised away. */
    double train() {
        grads.zero();
        RecurrentOutput out = net.forward(x);
        float[] y = out.output().data();
        float scale = 2f / y.length;
        // Four partial sums: one running sum waits out an add's latency per element, which on the
        // smallest configuration took a tenth of the whole step, on one thread while the others wait.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= y.length; i += 4) {
            float d0 = y[i] - target[i];
            float d1 = y[i + 1] - target[i + 1];
            float d2 = y[i + 2] - target[i + 2];
            float d3 = y[i + 3] - target[i + 3];
            s0 += (double) d0 * d0;
            s1 += (double) d1 * d1;
            s2 += (double) d2 * d2;
            s3 += (double) d3 * d3;
            dOutput[i] = scale * d0;
            dOutput[i + 1] = scale * d1;
            dOutput[i + 2] = scale * d2;
            dOutput[i + 3] = scale * d3;
        }
        for (; i < y.length; i++) {
            float d = y[i] - target[i];
            s0 += (double) d * d;
            dOutput[i] = scale * d;
        }
        double loss = s0 + s1 + s2 + s3;
        Tensor dy = Tensor.of(dOutput, w.batch(), w.time(), w.hidden() * w.directions());
        // The input is data: like the peers (whose input tensors require no gradient), no input gradient.
        net.backward(out, dy, null, null, grads, false);
        return loss / y.length;
    }

    /** One inference iteration; returns one output value so the work cannot be optimised away. */
    float infer() {
        return net.infer(x).output().data()[0];
    }
}
