package dev.rnn4j.text.lm;

import dev.rnn4j.data.Batch;
import dev.rnn4j.model.ModelPass;
import dev.rnn4j.model.ModelState;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.train.Losses;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The cross-entropy of a character model on a text, in nats per character: the text is read as
 * {@code streams} contiguous streams, each from a zero state and carrying its state from chunk to
 * chunk, so every character after the first is scored exactly once, with all the context its
 * stream has seen. Bits per character are nats divided by ln 2.
 */
public final class CharLmEvaluation {

    /** Streams the evaluation reads in parallel unless told otherwise. */
    public static final int DEFAULT_STREAMS = 32;
    /** Steps per forward pass; the state is carried between passes, so this only bounds memory. */
    public static final int CHUNK = 256;
    private static final double LN2 = Math.log(2);

    private CharLmEvaluation() {
    }

    /**
     * @param nats        summed negative log-likelihood (natural log)
     * @param predictions characters scored
     */
    public record Result(double nats, long predictions) {
        public double natsPerChar() {
            return nats / predictions;
        }

        public double bitsPerChar() {
            return natsPerChar() / LN2;
        }
    }

    /** Evaluates on {@code ids}; {@code pool} (may be null) splits the streams into one share per worker. */
    public static Result evaluate(SequenceModel model, int[] ids, int streams, ExecutorService pool, int threads) {
        TextStreams all = TextStreams.covering(ids, model.config().inputSize(), Math.min(streams, ids.length - 1));
        int shares = pool == null ? 1 : Math.max(1, Math.min(threads, all.streams()));
        if (shares == 1) {
            return new Result(share(model, all, 0, all.streams()), all.predictions());
        }
        List<Future<Double>> parts = new ArrayList<>();
        for (int s = 0; s < shares; s++) {
            int from = all.streams() * s / shares;
            int to = all.streams() * (s + 1) / shares;
            parts.add(pool.submit(() -> share(model, all, from, to)));
        }
        double nats = 0;
        for (Future<Double> f : parts) {
            try {
                nats += f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Evaluation was interrupted.", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
        return new Result(nats, all.predictions());
    }

    /** Summed nats of streams [from, to). */
    private static double share(SequenceModel model, TextStreams all, int from, int to) {
        int v = model.outputSize();
        double nats = 0;
        ModelState state = null;
        int chunks = all.chunks(CHUNK);
        for (int c = 0; c < chunks; c++) {
            Batch batch = all.chunk(c, CHUNK, from, to);
            ModelPass pass = model.forward(batch.x(), batch.lengths(), state, null, null);
            float[] logits = pass.output().data();
            int time = batch.time();
            for (int r = from; r < to; r++) {
                int steps = all.stepsInChunk(r, c, CHUNK);
                for (int t = 0; t < steps; t++) {
                    int off = ((r - from) * time + t) * v;
                    nats += Losses.logSumExp(logits, off, v) - logits[off + all.target(r, c * CHUNK + t)];
                }
            }
            state = pass.finalState();
        }
        return nats;
    }
}
