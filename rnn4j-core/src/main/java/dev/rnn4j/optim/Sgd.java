package dev.rnn4j.optim;

/**
 * {@code torch.optim.SGD} (dampening 0): g += wd*p; buf = momentum*buf + g; g = nesterov ? g +
 * momentum*buf : buf; p -= lr*g. The first step's buffer is g itself, as in PyTorch.
 */
final class Sgd extends BufferedOptimizer {

    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;

    Sgd(int size, double momentum, boolean nesterov, double weightDecay) {
        super(size, 1);
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(float[] params, float[] grads, double lr) {
        float[] buf = buffers[0];
        for (int i = 0; i < params.length; i++) {
            double g = grads[i] + weightDecay * params[i];
            if (momentum != 0) {
                double b = momentum * buf[i] + g;
                buf[i] = (float) b;
                g = nesterov ? g + momentum * b : b;
            }
            params[i] = (float) (params[i] - lr * g);
        }
        steps++;
    }
}
