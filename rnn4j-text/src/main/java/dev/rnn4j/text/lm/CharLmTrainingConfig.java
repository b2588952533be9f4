package dev.rnn4j.text.lm;

/**
 * How to train a character model.
 *
 * @param streams        parallel contiguous streams the training text is cut into (the batch size)
 * @param bptt           steps per chunk: gradients flow back at most this far; the state flows on
 * @param learningRate   Adam's initial learning rate
 * @param clip           global gradient-norm bound (0: no clipping)
 * @param epochs         maximum passes over the training text
 * @param minutes        time budget in minutes (0: none); training stops at the first step past it
 * @param validateEvery  optimiser steps between validations (0: once per epoch); an epoch's end always validates
 * @param patience       validations without a better loss before stopping (0: never stop early)
 * @param decayFactor    the learning rate is multiplied by this after a validation that is not the best so far
 *                       (1: constant rate)
 * @param threads        worker threads (each takes a contiguous share of the streams)
 * @param seed           seed of dropout
 */
public record CharLmTrainingConfig(int streams, int bptt, double learningRate, double clip, int epochs, double minutes,
                                   int validateEvery, int patience, double decayFactor, int threads, long seed) {

    public CharLmTrainingConfig {
        positive("streams", streams);
        positive("bptt", bptt);
        positive("epochs", epochs);
        positive("threads", threads);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate + ".");
        }
        if (!(clip >= 0)) {
            throw new IllegalArgumentException("clip must be >= 0 (0: none), got " + clip + ".");
        }
        if (!(minutes >= 0)) {
            throw new IllegalArgumentException("minutes must be >= 0 (0: no limit), got " + minutes + ".");
        }
        if (validateEvery < 0 || patience < 0) {
            throw new IllegalArgumentException("validateEvery and patience must be >= 0, got " + validateEvery + " and "
                    + patience + ".");
        }
        if (!(decayFactor > 0 && decayFactor <= 1)) {
            throw new IllegalArgumentException("decay factor must be in (0, 1], got " + decayFactor + ".");
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value + ".");
        }
    }
}
