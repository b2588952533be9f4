package dev.rnn4j.cli;

import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.text.lm.CharLmTraining;
import dev.rnn4j.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of {@code rnn4j text train} on standard error: the shared progress bar on a terminal,
 * and always one line per validation (nats and bits per character), since a run lasts minutes to
 * hours and its validation curve is the record worth keeping in a log.
 */
final class TextProgress implements CharLmTraining.Listener, AutoCloseable {

    /** Saves the model each time it reaches a new best validation loss. */
    interface BestSaver {
        void save(SequenceModel model, CharLmTraining.ValidationReport validation) throws java.io.IOException;
    }

    private final PrintWriter err;
    private final ProgressReporter bar;
    private final BestSaver saver;
    private final int epochs;
    private boolean started;

    TextProgress(PrintWriter err, int epochs, BestSaver saver) {
        this.err = err;
        this.epochs = epochs;
        this.bar = new ProgressReporter(err, "text");
        this.saver = saver;
    }

    @Override
    public void stepDone(CharLmTraining.StepReport s) {
        if (!started) {
            bar.onStart(0, epochs, s.chunks());
            started = true;
        }
        bar.onBatchEnd(new TrainingListener.BatchMetrics(s.epoch(), s.chunk(), s.chunks(), s.step(), s.loss(),
                s.gradientNorm(), Double.NaN, Double.NaN));
    }

    @Override
    public void validated(CharLmTraining.ValidationReport v) {
        err.printf(Locale.ROOT, "step %d epoch %.2f %.0fs train_nats=%.4f valid_nats=%.4f valid_bits=%.4f lr=%.2e%s%n",
                v.step(), v.epochs(), v.seconds(), v.trainNats(), v.validNats(), v.validBits(), v.learningRate(),
                v.best() ? " *" : "");
        err.flush();
    }

    @Override
    public void newBest(SequenceModel model, CharLmTraining.ValidationReport v) {
        try {
            saver.save(model, v);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not save the model: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        bar.close();
    }
}
