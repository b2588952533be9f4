package dev.rnn4j.seq2seq;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.model.Dense;
import dev.rnn4j.nn.InputGradients;
import dev.rnn4j.nn.Parameters;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * One-to-many generation: a seed vector s gives every layer's initial hidden state,
 * h0 = tanh(W_s s + b_s) (LSTM cell states start at zero); step t reads the output of step t-1
 * (zeros at t = 0) and emits y_t = W_o h_t + b_o. Trained on mean squared error with the inputs
 * fixed in advance: the true previous outputs (teacher forcing) or, for scheduled sampling, a
 * per-step mixture with the model's own previous outputs ({@link #scheduledInputs}), taken as
 * constants as in Bengio et al. (2015). Sequences of a batch share one length T.
 *
 * <p>Arrays are row-major: seeds [B, F], inputs and outputs [B, T, O].
 */
public final class OneToMany {

    private final OneToManyConfig config;
    private final Kernels kernels;
    private final RecurrentNetwork stack;
    private final Dense seedLayer;
    private final Dense outputLayer;
    private final float[] head;

    public OneToMany(OneToManyConfig config, Kernels kernels) {
        this.config = config;
        this.kernels = kernels;
        this.stack = new RecurrentNetwork(config.recurrentConfig(), kernels);
        int lh = config.layers() * config.hidden();
        this.seedLayer = new Dense(config.seedSize(), lh, 0);
        this.outputLayer = new Dense(config.hidden(), config.outputSize(), seedLayer.parameterCount());
        this.head = new float[seedLayer.parameterCount() + outputLayer.parameterCount()];
    }

    /** PyTorch-style initialisation, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for every part; seeded. */
    public static OneToMany create(OneToManyConfig config, long seed) {
        OneToMany m = new OneToMany(config, KernelProvider.get());
        SplittableRandom random = new SplittableRandom(seed);
        uniform(m.stack.parameters().values(), 0, m.stack.parameters().values().length, config.hidden(), random);
        int seedPart = m.seedLayer.parameterCount();
        uniform(m.head, 0, seedPart, config.seedSize(), random);
        uniform(m.head, seedPart, m.head.length - seedPart, config.hidden(), random);
        return m;
    }

    private static void uniform(float[] w, int off, int n, int fanIn, SplittableRandom random) {
        double bound = 1.0 / Math.sqrt(fanIn);
        for (int i = 0; i < n; i++) {
            w[off + i] = (float) random.nextDouble(-bound, bound);
        }
    }

    public OneToManyConfig config() {
        return config;
    }

    /** The live parameter arrays: the recurrent stack, then the seed and output layers. */
    public float[][] parameterGroups() {
        return new float[][] {stack.parameters().values(), head};
    }

    /** Zeroed gradient arrays shaped like {@link #parameterGroups()}. */
    public float[][] newGradients() {
        return new float[][] {new float[stack.parameters().values().length], new float[head.length]};
    }

    /** A forward pass kept for {@link #backward}. */
    public static final class Pass {
        final float[] seeds;
        final float[] initial;
        final RecurrentOutput recurrent;
        final float[] outputs;
        final int batch;
        final int steps;

        Pass(float[] seeds, float[] initial, RecurrentOutput recurrent, float[] outputs, int batch, int steps) {
            this.seeds = seeds;
            this.initial = initial;
            this.recurrent = recurrent;
            this.outputs = outputs;
            this.batch = batch;
            this.steps = steps;
        }

        /** The generated outputs [B, T, O]. */
        public float[] outputs() {
            return outputs;
        }
    }

    /** Runs every step at once on fixed {@code inputs} [B, T, O]. */
    public Pass forward(float[] seeds, float[] inputs, int batch, int steps) {
        requireSizes(seeds, inputs, batch, steps);
        float[] h0 = initialState(seeds, batch);
        RecurrentOutput out = stack.forward(Tensor.of(inputs.clone(), batch, steps, config.outputSize()), null,
                Tensor.of(layerMajor(h0, batch), config.layers(), batch, config.hidden()), null);
        float[] y = new float[batch * steps * config.outputSize()];
        outputLayer.forward(kernels, head, out.output().data(), batch * steps, y);
        return new Pass(seeds, h0, out, y, batch, steps);
    }

    /** Mean squared error against {@code targets} [B, T, O]; gradients are added to {@code g}. Consumes the pass. */
    public double backward(Pass p, float[] targets, float[][] g) {
        if (targets.length != p.outputs.length) {
            throw new IllegalArgumentException("targets must have " + p.outputs.length + " values ([B, T, O]), got "
                    + targets.length + ".");
        }
        float[] dy = new float[targets.length];
        double sum = 0;
        for (int i = 0; i < dy.length; i++) {
            double e = (double) p.outputs[i] - targets[i];
            sum += e * e;
            dy[i] = (float) (2 * e / dy.length);
        }
        float[] dh = outputLayer.backward(kernels, head, g[1], p.recurrent.output().data(), dy, p.batch * p.steps);
        Parameters stackGrad = stack.newGradients();
        InputGradients in = stack.backward(p.recurrent, Tensor.of(dh, p.batch, p.steps, config.hidden()), null, null, stackGrad);
        kernels.add(stackGrad.values().length, stackGrad.values(), 0, g[0], 0);
        float[] dh0 = batchMajor(in.dh0().data(), p.batch);
        for (int i = 0; i < dh0.length; i++) {
            dh0[i] *= 1 - p.initial[i] * p.initial[i];
        }
        seedLayer.backward(kernels, head, g[1], p.seeds, dh0, p.batch);
        return sum / dy.length;
    }

    /** Teacher-forcing inputs: zeros at step 0, then the targets shifted by one step. */
    public float[] teacherInputs(float[] targets, int batch, int steps) {
        int o = config.outputSize();
        float[] in = new float[batch * steps * o];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(targets, b * steps * o, in, (b * steps + 1) * o, (steps - 1) * o);
        }
        return in;
    }

    /** Free-running generation of {@code steps} outputs per seed, each step reading the previous output. */
    public float[] generate(float[] seeds, int batch, int steps) {
        return run(seeds, null, batch, steps, 0, null)[1];
    }

    /**
     * Scheduled-sampling inputs: zeros at step 0; at each later step and row, with probability
     * {@code p} the true previous output, else the model's own, computed step by step from the
     * inputs chosen so far. With {@code p >= 1}, the teacher-forcing inputs.
     */
    public float[] scheduledInputs(float[] seeds, float[] targets, int batch, int steps, double p, SplittableRandom random) {
        if (p >= 1) {
            return teacherInputs(targets, batch, steps);
        }
        return run(seeds, targets, batch, steps, p, random)[0];
    }

    /** Steps one at a time; returns {inputs fed, outputs}. {@code targets} null: always feed the prediction. */
    private float[][] run(float[] seeds, float[] targets, int batch, int steps, double p, SplittableRandom random) {
        int o = config.outputSize();
        float[] inputs = new float[batch * steps * o];
        float[] outputs = new float[batch * steps * o];
        requireSizes(seeds, inputs, batch, steps);
        Tensor h = Tensor.of(layerMajor(initialState(seeds, batch), batch), config.layers(), batch, config.hidden());
        Tensor c = config.cell().hasCellState() ? Tensor.zeros(config.layers(), batch, config.hidden()) : null;
        float[] x = new float[batch * o];
        float[] y = new float[batch * o];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(x, b * o, inputs, (b * steps + t) * o, o);
            }
            RecurrentOutput out = stack.infer(Tensor.of(x.clone(), batch, 1, o), null, h, c);
            h = out.hN();
            c = out.cN();
            outputLayer.forward(kernels, head, out.output().data(), batch, y);
            for (int b = 0; b < batch; b++) {
                System.arraycopy(y, b * o, outputs, (b * steps + t) * o, o);
                boolean truth = targets != null && random.nextDouble() < p;
                System.arraycopy(truth ? targets : y, truth ? (b * steps + t) * o : b * o, x, b * o, o);
            }
        }
        return new float[][] {inputs, outputs};
    }

    /** h0 per row and layer, [B, L*H], from the seeds. */
    private float[] initialState(float[] seeds, int batch) {
        float[] h0 = new float[batch * config.layers() * config.hidden()];
        seedLayer.forward(kernels, head, seeds, batch, h0);
        for (int i = 0; i < h0.length; i++) {
            h0[i] = (float) Math.tanh(h0[i]);
        }
        return h0;
    }

    /** [B, L, H] to the stack's [L, B, H]. */
    private float[] layerMajor(float[] rows, int batch) {
        int hidden = config.hidden();
        float[] out = new float[rows.length];
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < config.layers(); l++) {
                System.arraycopy(rows, (b * config.layers() + l) * hidden, out, (l * batch + b) * hidden, hidden);
            }
        }
        return out;
    }

    /** [L, B, H] to [B, L, H]. */
    private float[] batchMajor(float[] state, int batch) {
        int hidden = config.hidden();
        float[] out = new float[state.length];
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < config.layers(); l++) {
                System.arraycopy(state, (l * batch + b) * hidden, out, (b * config.layers() + l) * hidden, hidden);
            }
        }
        return out;
    }

    private void requireSizes(float[] seeds, float[] inputs, int batch, int steps) {
        if (batch < 1 || steps < 1 || seeds.length != batch * config.seedSize()
                || inputs.length != batch * steps * config.outputSize()) {
            throw new IllegalArgumentException("Expected seeds of " + batch + "x" + config.seedSize() + " and inputs of " + batch
                    + "x" + steps + "x" + config.outputSize() + " values, got " + seeds.length + " and " + inputs.length + ".");
        }
    }
}
