package dev.rnn4j.text.tagger;

/**
 * How {@link TaggerTraining} runs.
 *
 * @param epochs      the most passes over the training sentences
 * @param batchSize   sentences per step; the gradient is averaged over them
 * @param patience    epochs without a better development score before stopping early
 * @param devMetric   the development score that picks the best epoch
 * @param seed        seeds the batch order of every epoch
 */
public record TaggerTrainingConfig(int epochs, int batchSize, int patience, DevMetric devMetric, long seed) {

    public TaggerTrainingConfig {
        if (epochs < 1 || batchSize < 1 || patience < 1) {
            throw new IllegalArgumentException("epochs, batchSize and patience must be >= 1, got " + epochs + ", " + batchSize
                    + " and " + patience + ".");
        }
        if (devMetric == null) {
            throw new IllegalArgumentException("devMetric must be accuracy or span_f1, got null.");
        }
    }
}
