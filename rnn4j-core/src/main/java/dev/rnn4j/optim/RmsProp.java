package dev.rnn4j.optim;

/**
 * {@code torch.optim.RMSprop} (not centred): g += wd*p; v = alpha*v + (1-alpha)*g²; with momentum
 * buf = momentum*buf + g/(sqrt(v)+eps), p -= lr*buf; without, p -= lr*g/(sqrt(v)+eps).
 */
final class RmsProp extends BufferedOptimizer {

    private final double alpha;
    private final double eps;
    private final double momentum;
    private final double weightDecay;

    RmsProp(int size, double alpha, double eps, double momentum, double weightDecay) {
        super(size, 2);
        this.alpha = alpha;
        this.eps = eps;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(float[] params, float[] grads, double lr) {
        float[] v = buffers[0];
        float[] buf = buffers[1];
        for (int i = 0; i < params.length; i++) {
            double g = grads[i] + weightDecay * params[i];
            double vi = alpha * v[i] + (1 - alpha) * g * g;
            v[i] = (float) vi;
            double update = g / (Math.sqrt(vi) + eps);
            if (momentum != 0) {
                update = momentum * buf[i] + update;
                buf[i] = (float) update;
            }
            params[i] = (float) (params[i] - lr * update);
        }
        steps++;
    }
}
