package dev.rnn4j.seq2seq;

import dev.rnn4j.train.ScheduledSampling;

/**
 * How {@link Seq2SeqTrainer} trains: Adam, global-norm clipping, teacher forcing or scheduled
 * sampling, early stopping on development exact match.
 *
 * @param epochs       maximum passes over the training pairs
 * @param batchSize    pairs per optimiser step
 * @param learningRate Adam's learning rate
 * @param clipNorm     global gradient-norm bound; 0 for none
 * @param sampling     scheduled sampling's teacher-forcing probability per step, or null for teacher forcing only
 * @param choice       how fed-back symbols are taken from predictions
 * @param patience     epochs without a better development exact match before stopping
 * @param seed         seed of shuffling and of the sampling coins
 */
public record Seq2SeqTrainingConfig(int epochs, int batchSize, double learningRate, double clipNorm, ScheduledSampling sampling,
                                    ScheduledFeeding.Choice choice, int patience, long seed) {

    public Seq2SeqTrainingConfig {
        if (epochs < 1 || batchSize < 1 || patience < 1) {
            throw new IllegalArgumentException("epochs, batchSize and patience must be >= 1, got " + epochs + ", " + batchSize
                    + " and " + patience + ".");
        }
        if (!(learningRate > 0) || !(clipNorm >= 0)) {
            throw new IllegalArgumentException("learningRate must be > 0 and clipNorm >= 0, got " + learningRate + " and "
                    + clipNorm + ".");
        }
        if (choice == null) {
            throw new IllegalArgumentException("choice must be ARGMAX or SAMPLE, got null.");
        }
    }

    /** Teacher forcing only: 30 epochs of 64 pairs, Adam 0.002, clip 5, patience 5. */
    public static Seq2SeqTrainingConfig teacherForcing(long seed) {
        return new Seq2SeqTrainingConfig(30, 64, 0.002, 5, null, ScheduledFeeding.Choice.ARGMAX, 5, seed);
    }

    public Seq2SeqTrainingConfig withEpochs(int n) {
        return new Seq2SeqTrainingConfig(n, batchSize, learningRate, clipNorm, sampling, choice, patience, seed);
    }

    public Seq2SeqTrainingConfig withSampling(ScheduledSampling s, ScheduledFeeding.Choice c) {
        return new Seq2SeqTrainingConfig(epochs, batchSize, learningRate, clipNorm, s, c, patience, seed);
    }

    /** Probability of feeding the truth at optimiser step {@code step}. */
    public double teacherForcingProbability(long step) {
        return sampling == null ? 1.0 : sampling.teacherForcingProbability(step);
    }
}
