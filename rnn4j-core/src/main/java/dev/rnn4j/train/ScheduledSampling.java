package dev.rnn4j.train;

/**
 * The probability of feeding the ground truth (teacher forcing) rather than the model's own
 * previous output, as a function of the training step i (Bengio et al. 2015):
 * linear {@code max(min, k - c*i)}, exponential {@code k^i} (k < 1), inverse sigmoid
 * {@code k / (k + exp(i/k))} (k >= 1).
 *
 * @param kind     LINEAR, EXPONENTIAL or INVERSE_SIGMOID
 * @param k        the schedule's k
 * @param c        LINEAR: decrease per step
 * @param minimum  LINEAR: the floor
 */
public record ScheduledSampling(Kind kind, double k, double c, double minimum) {

    public enum Kind { LINEAR, EXPONENTIAL, INVERSE_SIGMOID }

    public ScheduledSampling {
        if (kind == null) {
            throw new IllegalArgumentException("scheduled sampling kind must be LINEAR, EXPONENTIAL or INVERSE_SIGMOID, got null.");
        }
        if (kind == Kind.EXPONENTIAL && !(k > 0 && k < 1)) {
            throw new IllegalArgumentException("exponential scheduled sampling needs 0 < k < 1, got " + k + ".");
        }
        if (kind == Kind.INVERSE_SIGMOID && !(k >= 1)) {
            throw new IllegalArgumentException("inverse-sigmoid scheduled sampling needs k >= 1, got " + k + ".");
        }
    }

    public static ScheduledSampling linear(double k, double c, double minimum) {
        return new ScheduledSampling(Kind.LINEAR, k, c, minimum);
    }

    public static ScheduledSampling exponential(double k) {
        return new ScheduledSampling(Kind.EXPONENTIAL, k, 0, 0);
    }

    public static ScheduledSampling inverseSigmoid(double k) {
        return new ScheduledSampling(Kind.INVERSE_SIGMOID, k, 0, 0);
    }

    /** Probability of using the ground truth at training step {@code i} (0-based). */
    public double teacherForcingProbability(long i) {
        return switch (kind) {
            case LINEAR -> Math.max(minimum, k - c * i);
            case EXPONENTIAL -> Math.pow(k, i);
            case INVERSE_SIGMOID -> k / (k + Math.exp(i / k));
        };
    }
}
