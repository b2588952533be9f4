package dev.rnn4j.cli;

import dev.rnn4j.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress: a progress bar (epoch, batch, loss, ETA) on a terminal, plain lines
 * otherwise (one per epoch), so logs and pipes stay readable.
 */
final class ProgressReporter implements TrainingListener, AutoCloseable {

    private final PrintWriter err;
    private final boolean terminal;
    private final String task;
    private ProgressBar bar;
    private int epochs;
    private double runningLoss = Double.NaN;

    ProgressReporter(PrintWriter err, String task) {
        this.err = err;
        this.terminal = onTerminal();
        this.task = task;
    }

    @Override
    public void onStart(int startEpoch, int totalEpochs, int batchesPerEpoch) {
        this.epochs = totalEpochs;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax((long) totalEpochs * batchesPerEpoch)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build();
            bar.stepTo((long) startEpoch * batchesPerEpoch);
        }
    }

    @Override
    public void onBatchEnd(BatchMetrics m) {
        runningLoss = Double.isNaN(runningLoss) ? m.loss() : 0.98 * runningLoss + 0.02 * m.loss();
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d loss %.4f", m.epoch() + 1, epochs, runningLoss));
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        String line = String.format(Locale.ROOT, "epoch %d/%d train_loss=%.5f val_loss=%.5f lr=%.2e %.1fs%s",
                m.epoch() + 1, epochs, m.trainLoss(), m.validationLoss(), m.learningRate(), m.seconds(), m.best() ? " *" : "");
        if (bar == null) {
            err.println(line);
            err.flush();
        }
    }

    /**
     * Whether standard output is an interactive terminal. Before Java 22 {@code System.console()} is
     * null when redirected; from Java 22 it always exists and {@code Console.isTerminal()} tells.
     */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17-21: a console exists only on a terminal
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
