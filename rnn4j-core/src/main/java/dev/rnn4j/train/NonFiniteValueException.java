package dev.rnn4j.train;

import java.nio.file.Path;

/**
 * Training stopped because a loss, gradient or weight became NaN or infinite. Names the step, the
 * layer and the parameter, and the last good checkpoint (if checkpoints were on).
 */
public final class NonFiniteValueException extends RuntimeException {

    private final long step;
    private final String parameter;
    private final Path lastGoodCheckpoint;

    NonFiniteValueException(String what, long step, String parameter, int index, float value, Path lastGoodCheckpoint) {
        super("Training stopped at step " + step + ": " + what
                + (parameter == null ? "" : " of parameter " + parameter + " (layer " + layerOf(parameter) + ", element " + index + ")")
                + " is " + value + (lastGoodCheckpoint == null ? "; no checkpoint was kept."
                : "; the last good checkpoint is " + lastGoodCheckpoint + "."));
        this.step = step;
        this.parameter = parameter;
        this.lastGoodCheckpoint = lastGoodCheckpoint;
    }

    /**
     * For training loops other than {@link Trainer}'s (which keep no checkpoint): {@code what} ("the loss",
     * "the gradient") of {@code parameter} (null for the loss) at flat {@code index} became {@code value}.
     */
    public static NonFiniteValueException at(String what, long step, String parameter, int index, float value) {
        return new NonFiniteValueException(what, step, parameter, index, value, null);
    }

    /** The optimiser step (1-based) at which the bad value appeared. */
    public long step() {
        return step;
    }

    /** The parameter's name, e.g. {@code layers.1.weight_hh_l0}, or null when the loss itself went bad. */
    public String parameter() {
        return parameter;
    }

    /** The layer's name, e.g. {@code layers.1} or {@code head}, or null. */
    public String layer() {
        return parameter == null ? null : layerOf(parameter);
    }

    public Path lastGoodCheckpoint() {
        return lastGoodCheckpoint;
    }

    static String layerOf(String parameter) {
        int dot = parameter.lastIndexOf('.');
        return dot < 0 ? parameter : parameter.substring(0, dot);
    }
}
