package dev.rnn4j.text.lm;

import dev.rnn4j.data.Batch;
import dev.rnn4j.tensor.Tensor;
import java.util.Arrays;

/**
 * A long encoded text cut into {@code B} parallel contiguous streams, read chunk by chunk for
 * stateful truncated BPTT: chunk c of stream r continues chunk c-1 of stream r, so the state a
 * batch ends in is the right starting state for the next batch's same row.
 *
 * <p>Stream r predicts characters {@code start(r)+1 .. start(r)+length(r)} from the ones before
 * them. {@link #equal} streams all have {@code (n-1)/B} predictions and leave the last
 * {@code (n-1) mod B} characters out (training, where every batch must be rectangular);
 * {@link #covering} streams differ in length by at most one and predict every character after the
 * first exactly once (evaluation).
 */
public final class TextStreams {

    private final int[] ids;
    private final int vocabularySize;
    private final int[] starts;
    private final int[] lengths;

    /** Streams of equal length, for training; up to {@code streams - 1} final characters are left out. */
    public static TextStreams equal(int[] ids, int vocabularySize, int streams) {
        return new TextStreams(ids, vocabularySize, streams, true);
    }

    /** Streams whose lengths differ by at most one, together predicting every character after the first. */
    public static TextStreams covering(int[] ids, int vocabularySize, int streams) {
        return new TextStreams(ids, vocabularySize, streams, false);
    }

    private TextStreams(int[] ids, int vocabularySize, int streams, boolean equalLengths) {
        if (streams < 1) {
            throw new IllegalArgumentException("streams must be >= 1, got " + streams + ".");
        }
        int predictions = ids.length - 1;
        if (predictions < streams) {
            throw new IllegalArgumentException("A text of " + ids.length + " characters is too short for " + streams
                    + " streams: each stream needs at least 2 characters.");
        }
        this.ids = ids;
        this.vocabularySize = vocabularySize;
        this.starts = new int[streams];
        this.lengths = new int[streams];
        for (int r = 0; r < streams; r++) {
            if (equalLengths) {
                starts[r] = r * (predictions / streams);
                lengths[r] = predictions / streams;
            } else {
                starts[r] = (int) ((long) predictions * r / streams);
                lengths[r] = (int) ((long) predictions * (r + 1) / streams) - starts[r];
            }
        }
    }

    public int streams() {
        return starts.length;
    }

    /** Index of stream r's first input character. */
    public int start(int r) {
        return starts[r];
    }

    /** Number of characters stream r predicts. */
    public int length(int r) {
        return lengths[r];
    }

    /** Characters predicted over all streams. */
    public long predictions() {
        return Arrays.stream(lengths).asLongStream().sum();
    }

    /** Number of chunks of {@code k} steps that cover the longest stream. */
    public int chunks(int k) {
        int longest = Arrays.stream(lengths).max().orElseThrow();
        return (longest + k - 1) / k;
    }

    /** The input character index of stream r at step t. */
    public int input(int r, int t) {
        return ids[starts[r] + t];
    }

    /** The character stream r must predict at step t (the one after its input). */
    public int target(int r, int t) {
        return ids[starts[r] + t + 1];
    }

    /** Valid steps of stream r within chunk c of {@code k} steps (0 when the stream has ended). */
    public int stepsInChunk(int r, int c, int k) {
        return Math.max(0, Math.min(k, lengths[r] - c * k));
    }

    /**
     * Chunk c of {@code k} steps as a batch: one-hot inputs {@code [B, T, V]} and class-index
     * targets, T the longest row's steps in this chunk; shorter rows are padded (zero input, length
     * at least 1 as the batch requires; {@link #stepsInChunk} tells which steps are real).
     */
    public Batch chunk(int c, int k) {
        return chunk(c, k, 0, streams());
    }

    /** Chunk c of streams {@code [from, to)} only, their rows in order (T still the longest of all streams). */
    public Batch chunk(int c, int k, int from, int to) {
        int time = 0;
        for (int r = 0; r < streams(); r++) {
            time = Math.max(time, stepsInChunk(r, c, k));
        }
        if (time == 0) {
            throw new IllegalArgumentException("chunk " + c + " of " + k + " steps is past the end of every stream ("
                    + chunks(k) + " chunks).");
        }
        int b = to - from;
        float[] x = new float[b * time * vocabularySize];
        float[] targets = new float[b * time];
        int[] rowLengths = new int[b];
        boolean ragged = false;
        for (int row = 0; row < b; row++) {
            int r = from + row;
            int steps = stepsInChunk(r, c, k);
            for (int t = 0; t < steps; t++) {
                int step = c * k + t;
                x[(row * time + t) * vocabularySize + input(r, step)] = 1f;
                targets[row * time + t] = target(r, step);
            }
            rowLengths[row] = Math.max(1, steps);
            ragged |= steps != time;
        }
        float[] weights = new float[b];
        Arrays.fill(weights, 1f);
        return new Batch(Tensor.of(x, b, time, vocabularySize), ragged ? rowLengths : null, targets, 1, weights);
    }
}
