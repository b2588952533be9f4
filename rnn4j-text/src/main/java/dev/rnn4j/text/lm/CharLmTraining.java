package dev.rnn4j.text.lm;

import dev.rnn4j.data.Batch;
import dev.rnn4j.model.ModelState;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.optim.Optimizer;
import dev.rnn4j.optim.OptimizerConfig;
import dev.rnn4j.train.GradientClipping;
import dev.rnn4j.train.Losses;
import dev.rnn4j.train.Trainer;
import dev.rnn4j.train.TrainerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains a character model on one long text with stateful truncated BPTT: the text is cut into
 * {@link CharLmTrainingConfig#streams()} contiguous streams ({@link TextStreams}), read
 * {@code bptt} characters at a time; each chunk starts from the state the previous chunk ended
 * in, detached, so the model sees unbroken context while gradients span one chunk. The
 * gradients of a chunk are core's {@link Trainer#gradients} (softmax cross-entropy, the streams
 * shared between threads), then global-norm clipping and Adam.
 *
 * <p>The validation text is scored every {@code validateEvery} steps and at every epoch's end;
 * the best weights are kept and put back at the end. A validation that is not the best so far
 * multiplies the learning rate by {@code decayFactor}; {@code patience} such validations in a row
 * stop training, as does the time budget.
 */
public final class CharLmTraining {

    /** Observes training; every method has an empty default. */
    public interface Listener {
        default void stepDone(StepReport step) {
        }

        default void validated(ValidationReport validation) {
        }

        /** After a validation with the lowest loss so far; the model holds those weights. */
        default void newBest(SequenceModel model, ValidationReport validation) {
        }
    }

    /**
     * @param step   optimiser steps so far
     * @param epoch  0-based epoch
     * @param chunk  0-based chunk within the epoch
     * @param chunks chunks per epoch
     * @param loss   the chunk's mean training loss, nats per character
     */
    public record StepReport(long step, int epoch, int chunk, int chunks, double loss, double gradientNorm, double seconds) {
    }

    /**
     * @param step          optimiser steps so far
     * @param epochs        epochs done, fractional
     * @param seconds       time since training started
     * @param trainNats     mean training loss since the previous validation
     * @param validNats     validation loss, nats per character
     * @param learningRate  the rate in use before this validation
     * @param best          whether this is the lowest validation loss so far
     */
    public record ValidationReport(long step, double epochs, double seconds, double trainNats, double validNats,
                                   double learningRate, boolean best) {
        public double validBits() {
            return validNats / Math.log(2);
        }
    }

    /**
     * @param history    every validation, in order
     * @param best       the best validation (its weights are the model's now)
     * @param steps      optimiser steps taken
     * @param stopReason why training ended: epochs, time, patience
     */
    public record Result(List<ValidationReport> history, ValidationReport best, long steps, double seconds, String stopReason) {
    }

    private CharLmTraining() {
    }

    /** Trains {@code model} in place on {@code train}, validating on {@code valid} (both encoded with the model's vocabulary). */
    public static Result train(SequenceModel model, int[] train, int[] valid, CharLmTrainingConfig config, Listener listener) {
        long t0 = System.nanoTime();
        int v = model.config().inputSize();
        TextStreams streams = TextStreams.equal(train, v, config.streams());
        int chunks = streams.chunks(config.bptt());
        TrainerConfig tc = TrainerConfig.builder().batchSize(config.streams()).threads(config.threads())
                .truncatedBptt(config.bptt()).stateful(true).seed(config.seed()).build();
        Trainer gradients = new Trainer(tc, Losses.crossEntropy());
        Optimizer adam = OptimizerConfig.adam(config.learningRate()).create(model.parameters().length);
        SplittableRandom random = new SplittableRandom(config.seed());
        ExecutorService pool = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "rnn4j-char-lm-eval");
            t.setDaemon(true);
            return t;
        }) : null;
        List<ValidationReport> history = new ArrayList<>();
        ValidationReport best = null;
        float[] bestParameters = null;
        double lr = config.learningRate();
        long deadline = config.minutes() > 0 ? t0 + (long) (config.minutes() * 60e9) : Long.MAX_VALUE;
        long step = 0;
        int badValidations = 0;
        double trainSum = 0;
        int trainCount = 0;
        String stop = "epochs";
        try {
            training:
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                ModelState carried = null; // each epoch starts every stream from the zero state
                for (int c = 0; c < chunks; c++) {
                    Batch batch = streams.chunk(c, config.bptt());
                    Trainer.Gradients g = gradients.gradients(model, batch, carried, random.nextLong());
                    if (!Double.isFinite(g.loss())) {
                        throw new IllegalStateException("Training stopped at step " + (step + 1) + ": the loss is " + g.loss()
                                + "; lower the learning rate or clip gradients harder.");
                    }
                    double norm = config.clip() > 0 ? GradientClipping.clipGlobalNorm(g.values(), config.clip())
                            : GradientClipping.globalNorm(g.values());
                    adam.step(model.parameters(), g.values(), lr);
                    model.parametersChanged();
                    carried = g.finalState();
                    step++;
                    trainSum += g.loss();
                    trainCount++;
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    listener.stepDone(new StepReport(step, epoch, c, chunks, g.loss(), norm, seconds));
                    boolean endOfEpoch = c == chunks - 1;
                    boolean outOfTime = System.nanoTime() >= deadline;
                    if (endOfEpoch || outOfTime || (config.validateEvery() > 0 && step % config.validateEvery() == 0)) {
                        double nats = CharLmEvaluation.evaluate(model, valid, CharLmEvaluation.DEFAULT_STREAMS, pool,
                                config.threads()).natsPerChar();
                        boolean isBest = best == null || nats < best.validNats();
                        ValidationReport report = new ValidationReport(step, epoch + (c + 1) / (double) chunks,
                                (System.nanoTime() - t0) / 1e9, trainSum / trainCount, nats, lr, isBest);
                        trainSum = 0;
                        trainCount = 0;
                        history.add(report);
                        listener.validated(report);
                        if (isBest) {
                            best = report;
                            bestParameters = model.parameters().clone();
                            badValidations = 0;
                            listener.newBest(model, report);
                        } else {
                            badValidations++;
                            lr *= config.decayFactor();
                        }
                        if (outOfTime) {
                            stop = "time";
                            break training;
                        }
                        if (config.patience() > 0 && badValidations >= config.patience()) {
                            stop = "patience";
                            break training;
                        }
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        System.arraycopy(bestParameters, 0, model.parameters(), 0, bestParameters.length);
        model.parametersChanged();
        return new Result(history, best, step, (System.nanoTime() - t0) / 1e9, stop);
    }
}
