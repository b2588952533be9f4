package dev.rnn4j.train;

/**
 * What {@link Trainer#fit} did.
 *
 * @param epochs             epochs completed (including any before a resume)
 * @param steps              optimiser steps
 * @param bestEpoch          0-based epoch with the lowest validation loss (-1 without validation)
 * @param bestValidationLoss that loss (NaN without validation)
 * @param lastTrainLoss      the last epoch's mean training loss
 * @param stoppedEarly       whether early stopping ended training
 * @param seconds            wall time of this call
 */
public record TrainingResult(int epochs, long steps, int bestEpoch, double bestValidationLoss, double lastTrainLoss,
                             boolean stoppedEarly, double seconds) {
}
