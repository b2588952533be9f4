package dev.rnn4j.train;

import dev.rnn4j.optim.LearningRateSchedule;
import dev.rnn4j.optim.OptimizerConfig;

/**
 * How to train: an immutable, JSON-serialisable value; {@link #builder()} gives the guide's
 * defaults (Adam 1e-3, global-norm clipping at 5, full BPTT, zero initial state, one thread).
 *
 * @param optimizer      optimiser and base learning rate
 * @param schedule       learning-rate schedule over epochs
 * @param epochs         maximum epochs
 * @param batchSize      sequences per batch
 * @param clipping       NONE, NORM (global L2 norm of all gradients) or VALUE (each gradient clamped)
 * @param clipThreshold  the norm or value bound
 * @param tbpttForward   truncated BPTT: forward chunk length k1 (0: full BPTT)
 * @param tbpttBackward  truncated BPTT: backward length k2 >= k1 (0: k1)
 * @param stateful       carry the final state of each batch into the next (one continuous sequence
 *                       split across consecutive batches, same rows, no shuffling); off: zero init
 * @param patience       early stopping: epochs without a lower validation loss before stopping (0: off)
 * @param restoreBest    at the end, put back the weights of the best validation epoch
 * @param threads        worker threads (each takes a contiguous share of every batch's rows)
 * @param seed           seed of shuffling and dropout; with the same thread count, same weights
 */
public record TrainerConfig(OptimizerConfig optimizer, LearningRateSchedule schedule, int epochs, int batchSize,
                            Clipping clipping, double clipThreshold, int tbpttForward, int tbpttBackward,
                            boolean stateful, int patience, boolean restoreBest, int threads, long seed) {

    public enum Clipping { NONE, NORM, VALUE }

    public TrainerConfig {
        if (optimizer == null) {
            throw new IllegalArgumentException("trainer optimizer must be given, got null.");
        }
        schedule = schedule == null ? LearningRateSchedule.constant() : schedule;
        clipping = clipping == null ? Clipping.NORM : clipping;
        if (epochs <= 0) {
            throw new IllegalArgumentException("trainer epochs must be > 0, got " + epochs + ".");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("trainer batchSize must be > 0, got " + batchSize + ".");
        }
        if (clipping != Clipping.NONE && !(clipThreshold > 0)) {
            throw new IllegalArgumentException("trainer clipThreshold must be > 0 when clipping, got " + clipThreshold + ".");
        }
        if (tbpttForward < 0 || tbpttBackward < 0 || (tbpttBackward > 0 && tbpttBackward < tbpttForward)) {
            throw new IllegalArgumentException("truncated BPTT needs 0 <= k1 <= k2 (0 = off), got k1=" + tbpttForward
                    + ", k2=" + tbpttBackward + ".");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("trainer patience must be >= 0, got " + patience + ".");
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("trainer threads must be > 0, got " + threads + ".");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from the defaults; every setter returns the builder. */
    public static final class Builder {
        private OptimizerConfig optimizer = OptimizerConfig.adam(1e-3);
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private int epochs = 10;
        private int batchSize = 32;
        private Clipping clipping = Clipping.NORM;
        private double clipThreshold = 5;
        private int k1;
        private int k2;
        private boolean stateful;
        private int patience;
        private boolean restoreBest;
        private int threads = 1;
        private long seed = 42;

        public Builder optimizer(OptimizerConfig o) {
            this.optimizer = o;
            return this;
        }

        public Builder schedule(LearningRateSchedule s) {
            this.schedule = s;
            return this;
        }

        public Builder epochs(int n) {
            this.epochs = n;
            return this;
        }

        public Builder batchSize(int n) {
            this.batchSize = n;
            return this;
        }

        public Builder clipGlobalNorm(double norm) {
            this.clipping = Clipping.NORM;
            this.clipThreshold = norm;
            return this;
        }

        public Builder clipValue(double value) {
            this.clipping = Clipping.VALUE;
            this.clipThreshold = value;
            return this;
        }

        public Builder noClipping() {
            this.clipping = Clipping.NONE;
            return this;
        }

        public Builder truncatedBptt(int forward, int backward) {
            this.k1 = forward;
            this.k2 = backward;
            return this;
        }

        public Builder truncatedBptt(int k) {
            return truncatedBptt(k, k);
        }

        public Builder stateful(boolean on) {
            this.stateful = on;
            return this;
        }

        public Builder earlyStopping(int patienceEpochs, boolean restore) {
            this.patience = patienceEpochs;
            this.restoreBest = restore;
            return this;
        }

        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public TrainerConfig build() {
            return new TrainerConfig(optimizer, schedule, epochs, batchSize, clipping, clipThreshold, k1, k2, stateful,
                    patience, restoreBest, threads, seed);
        }
    }
}
