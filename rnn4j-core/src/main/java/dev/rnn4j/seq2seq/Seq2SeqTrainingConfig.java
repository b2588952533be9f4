package dev.rnn4j.seq2seq;

import dev.rnn4j.optim.LearningRateSchedule;
import dev.rnn4j.train.ScheduledSampling;

/**
 * How {@link Seq2SeqTrainer} trains: Adam, global-norm clipping, teacher forcing or scheduled
 * sampling, early stopping on development exact match.
 *
 * @param epochs       maximum passes over the training pairs
 * @param batchSize    pairs per optimiser step
 * @param learningRate Adam's base learning rate
 * @param schedule     the learning rate per epoch, as a multiple of the base (constant, step or cosine)
 * @param clipNorm     global gradient-norm bound; 0 for none
 * @param sampling     scheduled sampling's teacher-forcing probability per step, or null for teacher forcing only
 * @param choice       how fed-back symbols are taken from predictions
 * @param patience     epochs without a better development exact match before stopping
 * @param seed         seed of shuffling and of the sampling coins
 */
public record Seq2SeqTrainingConfig(int epochs, int batchSize, double learningRate, LearningRateSchedule schedule,
                                    double clipNorm, ScheduledSampling sampling, ScheduledFeeding.Choice choice, int patience,
                                    long seed) {

    public Seq2SeqTrainingConfig {
        if (epochs < 1 || batchSize < 1 || patience < 1) {
            throw new IllegalArgumentException("epochs, batchSize and patience must be >= 1, got " + epochs + ", " + batchSize
                    + " and " + patience + ".");
        }
        if (!(learningRate > 0) || !(clipNorm >= 0)) {
            throw new IllegalArgumentException("learningRate must be > 0 and clipNorm >= 0, got " + learningRate + " and "
                    + clipNorm + ".");
        }
        if (schedule == null || schedule.kind() == LearningRateSchedule.Kind.PLATEAU) {
            throw new IllegalArgumentException("schedule must be constant, step or cosine, got " + schedule + ".");
        }
        if (choice == null) {
            throw new IllegalArgumentException("choice must be ARGMAX or SAMPLE, got null.");
        }
    }

    /** Teacher forcing only: 30 epochs of 64 pairs, Adam 0.002 annealed by a cosine to 5 %, clip 5, patience 5. */
    public static Seq2SeqTrainingConfig teacherForcing(long seed) {
        return new Seq2SeqTrainingConfig(30, 64, 0.002, LearningRateSchedule.cosine(30, 0.05), 5, null,
                ScheduledFeeding.Choice.ARGMAX, 5, seed);
    }

    public Seq2SeqTrainingConfig withSampling(ScheduledSampling s, ScheduledFeeding.Choice c) {
        return new Seq2SeqTrainingConfig(epochs, batchSize, learningRate, schedule, clipNorm, s, c, patience, seed);
    }

    /** The learning rate during {@code epoch} (0-based). */
    public double learningRate(int epoch) {
        return learningRate * schedule.scale(epoch, null);
    }

    /** Probability of feeding the truth at optimiser step {@code step}. */
    public double teacherForcingProbability(long step) {
        return sampling == null ? 1.0 : sampling.teacherForcingProbability(step);
    }
}
