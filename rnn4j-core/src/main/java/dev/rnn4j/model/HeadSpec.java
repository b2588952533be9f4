package dev.rnn4j.model;

/**
 * The dense output head of a {@link ModelConfig}.
 *
 * @param kind    where the head reads the recurrent stack
 * @param outputs outputs per prediction (classes for a classifier, 1 for a scalar regression)
 * @param steps   ALL_STEPS only: the fixed sequence length whose outputs are concatenated (else 0)
 */
public record HeadSpec(Kind kind, int outputs, int steps) {

    /** Where the head reads. */
    public enum Kind {
        /** Many-to-one: the final state of the last layer (both directions when bidirectional). */
        LAST_STEP,
        /** Many-to-many aligned: every valid timestep of the last layer's output. */
        EVERY_STEP,
        /**
         * Many-to-one for fixed-length sequences: the last layer's outputs at every step,
         * concatenated, so the head can weigh each position (e.g. a splice site at the centre).
         */
        ALL_STEPS
    }

    public HeadSpec {
        if (kind == null) {
            throw new IllegalArgumentException("head kind must be LAST_STEP, EVERY_STEP or ALL_STEPS, got null.");
        }
        if (outputs <= 0) {
            throw new IllegalArgumentException("head outputs must be > 0, got " + outputs + ".");
        }
        if (kind == Kind.ALL_STEPS ? steps <= 0 : steps != 0) {
            throw new IllegalArgumentException("head steps must be > 0 for ALL_STEPS and 0 otherwise, got " + steps + " for " + kind + ".");
        }
    }

    public HeadSpec(Kind kind, int outputs) {
        this(kind, outputs, 0);
    }

    /** Whether the head makes one prediction per sequence (LAST_STEP, ALL_STEPS) rather than one per step. */
    public boolean perSequence() {
        return kind != Kind.EVERY_STEP;
    }
}
