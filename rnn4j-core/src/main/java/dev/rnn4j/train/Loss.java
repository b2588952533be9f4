package dev.rnn4j.train;

/**
 * A loss over prediction rows. The trainer reports and differentiates the weighted mean
 * {@code Σ w_r ℓ_r / Σ w_r}, where {@code w_r} is the sample weight times {@link #rowWeight}
 * (PyTorch's mean reduction, including its class-weighted cross-entropy).
 */
public interface Loss {

    /** Target values per prediction row, given the model's outputs per row. */
    int targetWidth(int outputs);

    /** The row's weight in the mean besides its sample weight (class weights); 1 by default. */
    default double rowWeight(float[] target, int tOff) {
        return 1.0;
    }

    /**
     * The loss of one row of {@code width} predictions; adds {@code gradScale * dℓ/dpred} into
     * {@code grad} at {@code gOff}.
     */
    double row(float[] pred, int pOff, int width, float[] target, int tOff, float[] grad, int gOff, double gradScale);

    /** A short name for logs and JSON. */
    String name();
}
