package dev.rnn4j.optim;

/**
 * The state of a reduce-on-plateau schedule (PyTorch's {@code ReduceLROnPlateau}, mode min,
 * threshold 0): after more than {@code patience} epochs without a lower validation loss, the
 * scale is multiplied by gamma, never below minScale.
 */
public final class PlateauTracker {

    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;
    private double scale = 1.0;

    public double scale() {
        return scale;
    }

    /** Records one epoch's validation loss. */
    public void observe(double loss, LearningRateSchedule schedule) {
        if (loss < best) {
            best = loss;
            badEpochs = 0;
            return;
        }
        badEpochs++;
        if (badEpochs > schedule.patience()) {
            scale = Math.max(scale * schedule.gamma(), schedule.minScale());
            badEpochs = 0;
        }
    }

    /** [best, badEpochs, scale], for checkpoints. */
    public double[] state() {
        return new double[] {best, badEpochs, scale};
    }

    public void restore(double[] s) {
        best = s[0];
        badEpochs = (int) s[1];
        scale = s[2];
    }
}
