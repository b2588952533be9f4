package dev.rnn4j.cli;

import dev.rnn4j.text.tagger.TaggerTraining;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of {@code rnn4j tag train} on standard error. On a terminal: a progress bar over all
 * steps of all epochs (it ends early if training stops early) whose message shows the epoch and
 * the last and best development scores. Otherwise plain lines, so logs and pipes stay readable:
 * one per epoch, and within an epoch one every half minute, because an epoch over a large corpus
 * takes minutes.
 */
final class TagProgress implements AutoCloseable {

    private static final long INTERVAL_NANOS = 30_000_000_000L;

    private final PrintWriter err;
    private final int epochs;
    private final int stepsPerEpoch;
    private final boolean spans;
    private final ProgressBar bar;
    private int epoch = 1;
    private int step;
    private long epochStart = System.nanoTime();
    private long lastLine = epochStart;
    private String lastScores = "";

    /**
     * @param spans    whether the tags are BIO spans, so that a span F1 means something
     * @param terminal whether to draw a bar ({@link ProgressReporter#onTerminal()}) instead of lines
     */
    TagProgress(PrintWriter err, int epochs, int sentences, int batchSize, boolean spans, boolean terminal) {
        this.err = err;
        this.spans = spans;
        this.epochs = epochs;
        this.stepsPerEpoch = (sentences + batchSize - 1) / batchSize;
        this.bar = terminal
                ? new ProgressBarBuilder().setTaskName("tag train").setInitialMax((long) epochs * stepsPerEpoch)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build()
                : null;
    }

    /** After each optimiser step. */
    void stepDone() {
        step++;
        if (bar != null) {
            // Length pooling can split a batch, so an epoch may take a step or two more than planned.
            bar.stepTo(Math.min((long) epochs * stepsPerEpoch, (long) (epoch - 1) * stepsPerEpoch + step));
            bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d%s", epoch, epochs, lastScores));
            return;
        }
        long now = System.nanoTime();
        if (now - lastLine >= INTERVAL_NANOS) {
            lastLine = now;
            err.printf(Locale.ROOT, "epoch %d/%d step %d of about %d, %.0fs%n", epoch, epochs, step, stepsPerEpoch,
                    (now - epochStart) / 1e9);
            err.flush();
        }
    }

    void epochDone(TaggerTraining.EpochReport r) {
        String score = spans ? String.format(Locale.ROOT, "dev_f1=%.2f", 100 * r.devF1())
                : String.format(Locale.ROOT, "dev_accuracy=%.4f", r.devAccuracy());
        if (bar != null) {
            lastScores = " " + score + (r.improved() ? " (best)" : "");
            bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d%s", r.epoch(), epochs, lastScores));
        } else {
            err.printf(Locale.ROOT, "epoch %d/%d train_loss=%.4f dev_accuracy=%.4f%s %.1fs%s%n", r.epoch(), epochs,
                    r.trainLossPerSentence(), r.devAccuracy(),
                    spans ? String.format(Locale.ROOT, " dev_f1=%.2f", 100 * r.devF1()) : "", r.seconds(), r.improved() ? " *" : "");
            err.flush();
        }
        epoch = r.epoch() + 1;
        step = 0;
        epochStart = System.nanoTime();
        lastLine = epochStart;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
