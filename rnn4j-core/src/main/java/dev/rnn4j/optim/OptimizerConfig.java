package dev.rnn4j.optim;

/**
 * Which optimiser, with which settings: an immutable, JSON-serialisable value. Fields that a kind
 * does not use are ignored. Defaults follow PyTorch.
 *
 * @param kind        SGD, ADAM, ADAMW or RMSPROP
 * @param lr          base learning rate (schedules scale from it)
 * @param momentum    SGD / RMSprop momentum
 * @param nesterov    SGD Nesterov momentum
 * @param beta1       Adam first-moment decay
 * @param beta2       Adam second-moment decay
 * @param eps         Adam / RMSprop denominator term
 * @param alpha       RMSprop smoothing constant
 * @param weightDecay L2 penalty (SGD, Adam, RMSprop) or decoupled decay (AdamW)
 */
public record OptimizerConfig(Kind kind, double lr, double momentum, boolean nesterov, double beta1, double beta2,
                              double eps, double alpha, double weightDecay) {

    public enum Kind { SGD, ADAM, ADAMW, RMSPROP }

    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("optimizer kind must be one of SGD, ADAM, ADAMW, RMSPROP, got null.");
        }
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("optimizer lr must be a finite number > 0, got " + lr + ".");
        }
        if (nesterov && momentum <= 0) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0, got " + momentum + ".");
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("optimizer weightDecay must be >= 0, got " + weightDecay + ".");
        }
    }

    public static OptimizerConfig sgd(double lr) {
        return new OptimizerConfig(Kind.SGD, lr, 0, false, 0.9, 0.999, 1e-8, 0.99, 0);
    }

    public static OptimizerConfig adam(double lr) {
        return new OptimizerConfig(Kind.ADAM, lr, 0, false, 0.9, 0.999, 1e-8, 0.99, 0);
    }

    /** AdamW with PyTorch's default decay 0.01. */
    public static OptimizerConfig adamW(double lr) {
        return new OptimizerConfig(Kind.ADAMW, lr, 0, false, 0.9, 0.999, 1e-8, 0.99, 0.01);
    }

    public static OptimizerConfig rmsProp(double lr) {
        return new OptimizerConfig(Kind.RMSPROP, lr, 0, false, 0.9, 0.999, 1e-8, 0.99, 0);
    }

    public OptimizerConfig withMomentum(double m, boolean useNesterov) {
        return new OptimizerConfig(kind, lr, m, useNesterov, beta1, beta2, eps, alpha, weightDecay);
    }

    public OptimizerConfig withWeightDecay(double wd) {
        return new OptimizerConfig(kind, lr, momentum, nesterov, beta1, beta2, eps, alpha, wd);
    }

    public OptimizerConfig withBetas(double b1, double b2) {
        return new OptimizerConfig(kind, lr, momentum, nesterov, b1, b2, eps, alpha, weightDecay);
    }

    /** A fresh optimiser for {@code size} parameters. */
    public Optimizer create(int size) {
        return switch (kind) {
            case SGD -> new Sgd(size, momentum, nesterov, weightDecay);
            case ADAM -> new Adam(size, beta1, beta2, eps, weightDecay, false);
            case ADAMW -> new Adam(size, beta1, beta2, eps, weightDecay, true);
            case RMSPROP -> new RmsProp(size, alpha, eps, momentum, weightDecay);
        };
    }
}
