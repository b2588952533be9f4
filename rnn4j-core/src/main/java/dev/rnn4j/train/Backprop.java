package dev.rnn4j.train;

import dev.rnn4j.data.Batch;
import dev.rnn4j.model.HeadSpec;
import dev.rnn4j.model.ModelPass;
import dev.rnn4j.model.ModelState;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Loss and gradients of one batch: full BPTT, or truncated BPTT (Williams and Peng 1990;
 * Sutskever 2013): every {@code k1} steps, backpropagate through the last {@code k2 >= k1} steps,
 * starting from the state carried (detached) from before the window. Only each window's newest
 * {@code k1} outputs are scored, so every output is scored exactly once. With k1 = k2 = T this is
 * one forward and one backward over the whole sequence: full BPTT.
 *
 * <p>Padding is respected: a row's steps past its length are never scored, and a row whose
 * sequence ended in an earlier window is held at length 1 with no score (its gradient is zero).
 */
final class Backprop {

    /** Weighted loss sum (divide by the denominator for the mean), the state at the end, and the last layer's mean hidden norm. */
    record Result(double weightedLoss, ModelState finalState, double hiddenNorm) {
    }

    private Backprop() {
    }

    /** {@code Σ w_r} over the rows the loss scores in {@code batch}: the mean's denominator. */
    static double denominator(Loss loss, Batch batch, HeadSpec.Kind kind, int outputs) {
        if (batch.targetWidth() != loss.targetWidth(outputs)) {
            throw new IllegalArgumentException("The " + loss.name() + " loss needs " + loss.targetWidth(outputs)
                    + " target values per prediction for a model with " + outputs + " outputs, got " + batch.targetWidth() + ".");
        }
        double sum = 0;
        int tw = batch.targetWidth();
        for (int b = 0; b < batch.size(); b++) {
            if (kind != HeadSpec.Kind.EVERY_STEP) {
                sum += batch.weights()[b] * loss.rowWeight(batch.targets(), b * tw);
            } else {
                for (int t = 0; t < batch.length(b); t++) {
                    sum += batch.weights()[b] * loss.rowWeight(batch.targets(), (b * batch.time() + t) * tw);
                }
            }
        }
        return sum;
    }

    /**
     * Adds {@code d(mean loss)/d(parameters)} of {@code batch} into {@code grads}, where the mean
     * divides by {@code denominator} (so shards of one batch add up to the whole batch's gradient).
     *
     * @param k1 forward chunk length (<= 0: the whole sequence)
     * @param k2 backward length, >= k1 (<= 0: k1)
     */
    static Result run(SequenceModel model, Loss loss, Batch batch, ModelState initial, int k1, int k2,
                      double denominator, SplittableRandom random, float[] grads) {
        int time = batch.time();
        int fwd = k1 <= 0 || k1 > time ? time : k1;
        int back = k2 <= 0 ? fwd : Math.max(k2, fwd);
        Tensor[] recurrentMasks = model.sampleRecurrentMasks(batch.size(), random);
        double lossSum = 0;
        ModelState known = initial; // the state at the current window's start s
        int s = 0;
        int e = fwd;
        int scoredUpTo = 0;
        ModelPass pass;
        while (true) {
            pass = model.forward(batch.timeSlice(s, e), chunkLengths(batch, s, e), known, recurrentMasks, random);
            Tensor dOut = Tensor.zeros(pass.output().shape());
            lossSum += score(model, loss, batch, pass, s, e, scoredUpTo, denominator, dOut);
            if (scoresAny(model, batch, scoredUpTo, e)) {
                model.backward(pass, dOut, grads, false);
            }
            if (e == time) {
                break;
            }
            int nextEnd = Math.min(e + fwd, time);
            int nextStart = Math.max(0, Math.min(e, nextEnd - back));
            if (nextStart == e) {
                known = pass.finalState(); // k2 == k1: carry the state, detached
            } else if (nextStart > s) {
                // k2 > k1: the next window re-runs some of this one; advance the start state without gradients.
                known = model.forward(batch.timeSlice(s, nextStart), chunkLengths(batch, s, nextStart), known,
                        recurrentMasks, null).finalState();
            }
            scoredUpTo = e;
            s = nextStart;
            e = nextEnd;
        }
        ModelState end = pass.finalState();
        return new Result(lossSum, end, meanNorm(end.h().get(end.h().size() - 1)));
    }

    /** The weighted loss sum of a whole batch at inference (no dropout, zero state, no gradients). */
    static double lossOnly(SequenceModel model, Loss loss, Batch batch) {
        ModelPass pass = model.forward(batch.x(), batch.lengths(), null, null, null);
        Tensor scratch = Tensor.zeros(pass.output().shape());
        return score(model, loss, batch, pass, 0, batch.time(), 0, 1.0, scratch);
    }

    /** Whether steps [from, e) score any row: otherwise the window only carries the state forward. */
    private static boolean scoresAny(SequenceModel model, Batch batch, int from, int e) {
        for (int b = 0; b < batch.size(); b++) {
            int len = batch.length(b);
            boolean lastStep = model.config().head().perSequence();
            if (lastStep ? len > from && len <= e : len > from) {
                return true;
            }
        }
        return false;
    }

    /**
     * Scores the steps [from, e) of window [s, e) (earlier steps were scored by an earlier window):
     * adds each scored row's gradient into {@code dOut}; returns the window's weighted loss sum.
     */
    private static double score(SequenceModel model, Loss loss, Batch batch, ModelPass pass, int s, int e, int from,
                                double denominator, Tensor dOut) {
        float[] out = pass.output().data();
        float[] d = dOut.data();
        int width = model.outputSize();
        int tw = batch.targetWidth();
        double sum = 0;
        for (int b = 0; b < batch.size(); b++) {
            int len = batch.length(b);
            double w = batch.weights()[b];
            if (model.config().head().perSequence()) {
                if (len > from && len <= e) {
                    double rw = w * loss.rowWeight(batch.targets(), b * tw);
                    sum += rw * loss.row(out, b * width, width, batch.targets(), b * tw, d, b * width, rw / denominator);
                }
            } else {
                int span = e - s;
                for (int t = from; t < Math.min(e, len); t++) {
                    int p = (b * span + (t - s)) * width;
                    int q = (b * batch.time() + t) * tw;
                    double rw = w * loss.rowWeight(batch.targets(), q);
                    sum += rw * loss.row(out, p, width, batch.targets(), q, d, p, rw / denominator);
                }
            }
        }
        return sum;
    }

    /** Lengths within window [s, e): at least 1 (a finished row idles for a step, unscored). */
    private static int[] chunkLengths(Batch batch, int s, int e) {
        if (batch.lengths() == null) {
            return null;
        }
        int[] l = new int[batch.size()];
        for (int b = 0; b < l.length; b++) {
            l[b] = Math.max(1, Math.min(batch.lengths()[b] - s, e - s));
        }
        return l;
    }

    private static double meanNorm(Tensor h) {
        int rows = h.dim(0) * h.dim(1);
        int hidden = h.dim(2);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double sq = 0;
            for (int j = 0; j < hidden; j++) {
                float v = h.data()[r * hidden + j];
                sq += v * v;
            }
            total += Math.sqrt(sq);
        }
        return total / rows;
    }
}
