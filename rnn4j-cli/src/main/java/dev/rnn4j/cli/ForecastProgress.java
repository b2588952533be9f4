package dev.rnn4j.cli;

import dev.rnn4j.forecast.api.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;

/**
 * Shows a backtest's or benchmark's progress: a bar on a terminal, one line per finished unit
 * otherwise (logs and pipes stay readable); always on standard error, so --json output stays clean.
 */
final class ForecastProgress implements ProgressListener, AutoCloseable {

    private final PrintWriter err;
    private final boolean terminal = ProgressReporter.onTerminal();
    private final String task;
    private final long started = System.nanoTime();
    private ProgressBar bar;

    ForecastProgress(PrintWriter err, String task) {
        this.err = err;
        this.task = task;
    }

    @Override
    public synchronized void onProgress(String what, int done, int total) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(500).continuousUpdate().build();
            }
            bar.stepTo(done);
            bar.setExtraMessage(what);
        } else {
            err.printf(java.util.Locale.ROOT, "%s %d/%d %s (%.0f s)%n", task, done, total, what,
                    (System.nanoTime() - started) / 1e9);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
