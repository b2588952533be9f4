package dev.rnn4j.cli;

import dev.rnn4j.seq2seq.Seq2SeqTrainer;
import java.io.PrintWriter;
import java.util.Locale;

/** Progress of {@code rnn4j seq2seq train} on standard error: a line per epoch, and one every half minute within an epoch. */
final class Seq2seqProgress implements Seq2SeqTrainer.Listener {

    private static final long INTERVAL_NANOS = 30_000_000_000L;

    private final PrintWriter err;
    private final int epochs;
    private long lastLine = System.nanoTime();
    private double runningLoss = Double.NaN;

    Seq2seqProgress(PrintWriter err, int epochs) {
        this.err = err;
        this.epochs = epochs;
    }

    @Override
    public void onStep(long step, double loss) {
        runningLoss = Double.isNaN(runningLoss) ? loss : 0.98 * runningLoss + 0.02 * loss;
        long now = System.nanoTime();
        if (now - lastLine >= INTERVAL_NANOS) {
            lastLine = now;
            err.printf(Locale.ROOT, "step %d loss %.4f%n", step, runningLoss);
            err.flush();
        }
    }

    @Override
    public void onEpoch(Seq2SeqTrainer.EpochReport r) {
        err.printf(Locale.ROOT, "epoch %d/%d train_loss=%.4f dev_loss=%.4f dev_exact_match=%.4f teacher_forcing_p=%.3f %.1fs%s%n", r.epoch(),
                epochs, r.trainLoss(), r.devLoss(), r.devExactMatch(), r.teacherForcing(), r.seconds(), r.improved() ? " *" : "");
        err.flush();
        lastLine = System.nanoTime();
    }
}
