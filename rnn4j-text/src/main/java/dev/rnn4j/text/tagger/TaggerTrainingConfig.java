package dev.rnn4j.text.tagger;

/**
 * How {@link TaggerTraining} runs.
 *
 * @param epochs      the most passes over the training sentences
 * @param batchSize   sentences per step; the gradient is averaged over them
 * @param patience    epochs without a better development score before stopping early
 * @param devMetric   the development score that picks the best epoch
 * @param seed        seeds the batch order of every epoch
 * @param threads     threads that share each batch's sentences (1: all on the caller's thread). The
 *                    dropout masks are drawn per thread, so a run repeats exactly with the same
 *                    seed and the same number of threads.
 */
public record TaggerTrainingConfig(int epochs, int batchSize, int patience, DevMetric devMetric, long seed, int threads) {

    /** On one thread. */
    public TaggerTrainingConfig(int epochs, int batchSize, int patience, DevMetric devMetric, long seed) {
        this(epochs, batchSize, patience, devMetric, seed, 1);
    }

    public TaggerTrainingConfig {
        if (epochs < 1 || batchSize < 1 || patience < 1 || threads < 1) {
            throw new IllegalArgumentException("epochs, batchSize, patience and threads must be >= 1, got " + epochs + ", "
                    + batchSize + ", " + patience + " and " + threads + ".");
        }
        if (devMetric == null) {
            throw new IllegalArgumentException("devMetric must be accuracy or span_f1, got null.");
        }
    }
}
