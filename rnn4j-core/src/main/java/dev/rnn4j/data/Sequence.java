package dev.rnn4j.data;

/**
 * One training example: a sequence of feature vectors and its target.
 *
 * @param id       the instance's name (for messages and predictions)
 * @param values   {@code length × features} values, row-major (timestep after timestep)
 * @param length   number of timesteps
 * @param target   target values: one row for a last-step head, {@code length} rows for an every-step head
 * @param weight   the sample's weight in the loss (1 for unweighted)
 */
public record Sequence(String id, float[] values, int length, float[] target, float weight) {

    public Sequence {
        if (length <= 0) {
            throw new IllegalArgumentException("Sequence " + id + " must have at least one timestep, got " + length + ".");
        }
        if (values.length % length != 0) {
            throw new IllegalArgumentException("Sequence " + id + " has " + values.length + " values, not a multiple of its length "
                    + length + ".");
        }
    }

    public static Sequence of(String id, float[] values, int length, float[] target) {
        return new Sequence(id, values, length, target, 1f);
    }

    public int features() {
        return values.length / length;
    }
}
