package dev.rnn4j.model;

/**
 * The dense output head of a {@link ModelConfig}.
 *
 * @param kind    where the head reads the recurrent stack
 * @param outputs outputs per prediction (classes for a classifier, 1 for a scalar regression)
 */
public record HeadSpec(Kind kind, int outputs) {

    /** Where the head reads. */
    public enum Kind {
        /** Many-to-one: the final state of the last layer (both directions when bidirectional). */
        LAST_STEP,
        /** Many-to-many aligned: every valid timestep of the last layer's output. */
        EVERY_STEP
    }

    public HeadSpec {
        if (kind == null) {
            throw new IllegalArgumentException("head kind must be LAST_STEP or EVERY_STEP, got null.");
        }
        if (outputs <= 0) {
            throw new IllegalArgumentException("head outputs must be > 0, got " + outputs + ".");
        }
    }
}
