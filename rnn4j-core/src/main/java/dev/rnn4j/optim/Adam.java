package dev.rnn4j.optim;

/**
 * {@code torch.optim.Adam} and {@code AdamW}. Adam adds L2 weight decay to the gradient;
 * AdamW (decoupled) first shrinks the weights, p *= 1 - lr*wd. Then m = b1*m + (1-b1)*g,
 * v = b2*v + (1-b2)*g², p -= lr * (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps).
 */
final class Adam extends BufferedOptimizer {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;

    Adam(int size, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(size, 2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    public void step(float[] params, float[] grads, double lr) {
        steps++;
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        float[] m = buffers[0];
        float[] v = buffers[1];
        for (int i = 0; i < params.length; i++) {
            double p = params[i];
            double g = grads[i];
            if (decoupled) {
                p *= 1 - lr * weightDecay;
            } else {
                g += weightDecay * p;
            }
            double mi = beta1 * m[i] + (1 - beta1) * g;
            double vi = beta2 * v[i] + (1 - beta2) * g * g;
            m[i] = (float) mi;
            v[i] = (float) vi;
            params[i] = (float) (p - lr * (mi / c1) / (Math.sqrt(vi / c2) + eps));
        }
    }
}
