package dev.rnn4j.train;

/** Observes training: one call per batch and per epoch. Every method has an empty default. */
public interface TrainingListener {

    /** Before the first epoch; {@code startEpoch} > 0 when resuming. */
    default void onStart(int startEpoch, int epochs, int batchesPerEpoch) {
    }

    default void onBatchEnd(BatchMetrics metrics) {
    }

    default void onEpochEnd(EpochMetrics metrics) {
    }

    /**
     * @param epoch           0-based epoch
     * @param batch           0-based batch within the epoch
     * @param batchesPerEpoch batches in each epoch
     * @param step            optimiser steps so far, including this one
     * @param loss            the batch's mean loss
     * @param gradientNorm    global gradient norm before clipping
     * @param learningRate    the rate used for this step
     * @param hiddenNorm      mean L2 norm of the last layer's final hidden state
     */
    record BatchMetrics(int epoch, int batch, int batchesPerEpoch, long step, double loss, double gradientNorm,
                        double learningRate, double hiddenNorm) {
    }

    /**
     * @param epoch          0-based epoch
     * @param trainLoss      mean training loss over the epoch's batches
     * @param validationLoss mean validation loss (NaN without validation data)
     * @param learningRate   the epoch's rate
     * @param seconds        wall time of the epoch
     * @param best           whether this epoch has the lowest validation loss so far
     */
    record EpochMetrics(int epoch, double trainLoss, double validationLoss, double learningRate, double seconds,
                        boolean best) {
    }
}
