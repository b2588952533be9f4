package dev.rnn4j.optim;

/**
 * The learning rate per epoch, as a multiple of the base rate: constant, step decay, cosine
 * annealing or reduce-on-plateau. An immutable, JSON-serialisable description; the plateau state
 * lives in {@link PlateauTracker}.
 *
 * @param kind     CONSTANT, STEP, COSINE or PLATEAU
 * @param stepSize STEP: epochs between decays
 * @param gamma    STEP and PLATEAU: factor applied at each decay
 * @param epochs   COSINE: the annealing period T_max, in epochs
 * @param minScale COSINE and PLATEAU: the smallest multiple of the base rate
 * @param patience PLATEAU: epochs without improvement of the validation loss before a decay
 */
public record LearningRateSchedule(Kind kind, int stepSize, double gamma, int epochs, double minScale, int patience) {

    public enum Kind { CONSTANT, STEP, COSINE, PLATEAU }

    public LearningRateSchedule {
        if (kind == null) {
            throw new IllegalArgumentException("schedule kind must be one of CONSTANT, STEP, COSINE, PLATEAU, got null.");
        }
        if (kind == Kind.STEP && stepSize <= 0) {
            throw new IllegalArgumentException("step schedule needs stepSize > 0, got " + stepSize + ".");
        }
        if (kind == Kind.COSINE && epochs <= 0) {
            throw new IllegalArgumentException("cosine schedule needs epochs > 0, got " + epochs + ".");
        }
    }

    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Kind.CONSTANT, 0, 1, 0, 0, 0);
    }

    public static LearningRateSchedule step(int stepSize, double gamma) {
        return new LearningRateSchedule(Kind.STEP, stepSize, gamma, 0, 0, 0);
    }

    public static LearningRateSchedule cosine(int epochs, double minScale) {
        return new LearningRateSchedule(Kind.COSINE, 0, 1, epochs, minScale, 0);
    }

    public static LearningRateSchedule reduceOnPlateau(double gamma, int patience, double minScale) {
        return new LearningRateSchedule(Kind.PLATEAU, 0, gamma, 0, minScale, patience);
    }

    /**
     * The multiple of the base rate for {@code epoch} (0-based); PLATEAU reads the tracker's current
     * scale, the other kinds are functions of the epoch alone.
     */
    public double scale(int epoch, PlateauTracker plateau) {
        return switch (kind) {
            case CONSTANT -> 1.0;
            case STEP -> Math.pow(gamma, epoch / stepSize);
            case COSINE -> {
                double t = Math.min(epoch, epochs);
                yield minScale + (1 - minScale) * 0.5 * (1 + Math.cos(Math.PI * t / epochs));
            }
            case PLATEAU -> plateau.scale();
        };
    }
}
