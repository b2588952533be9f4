package dev.rnn4j.cli;

import dev.rnn4j.text.tagger.TaggerTraining;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of {@code rnn4j tag train} on standard error: a line per epoch, and within an epoch a
 * line every half minute, because one epoch over a large corpus takes minutes.
 */
final class TagProgress {

    private static final long INTERVAL_NANOS = 30_000_000_000L;

    private final PrintWriter err;
    private final int epochs;
    private final int stepsPerEpoch;
    private final boolean spans;
    private int epoch = 1;
    private int step;
    private long epochStart = System.nanoTime();
    private long lastLine = epochStart;

    /** {@code spans}: whether the tags are BIO spans, so that a span F1 means something. */
    TagProgress(PrintWriter err, int epochs, int sentences, int batchSize, boolean spans) {
        this.err = err;
        this.spans = spans;
        this.epochs = epochs;
        this.stepsPerEpoch = (sentences + batchSize - 1) / batchSize;
    }

    /** After each optimiser step. */
    void stepDone() {
        step++;
        long now = System.nanoTime();
        if (now - lastLine >= INTERVAL_NANOS) {
            lastLine = now;
            // Length pooling can split a batch, so the number of steps per epoch is approximate.
            err.printf(Locale.ROOT, "epoch %d/%d step %d of about %d, %.0fs%n", epoch, epochs, step, stepsPerEpoch,
                    (now - epochStart) / 1e9);
            err.flush();
        }
    }

    void epochDone(TaggerTraining.EpochReport r) {
        err.printf(Locale.ROOT, "epoch %d/%d train_loss=%.4f dev_accuracy=%.4f%s %.1fs%s%n", r.epoch(), epochs,
                r.trainLossPerSentence(), r.devAccuracy(), spans ? String.format(Locale.ROOT, " dev_f1=%.2f", 100 * r.devF1()) : "",
                r.seconds(), r.improved() ? " *" : "");
        err.flush();
        epoch = r.epoch() + 1;
        step = 0;
        epochStart = System.nanoTime();
        lastLine = epochStart;
    }
}
