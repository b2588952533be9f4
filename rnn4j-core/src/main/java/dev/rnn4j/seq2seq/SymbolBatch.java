package dev.rnn4j.seq2seq;

import java.util.Arrays;

/**
 * Rows of symbol indices padded to one length: {@code ids} [rows * steps] with -1 after each row's
 * end (the embedding reads -1 as a zero vector), plus each row's length.
 */
record SymbolBatch(int[] ids, int[] lengths, int rows, int steps) {

    /** Pads {@code sequences}; each must be non-empty. {@code what} names them in errors. */
    static SymbolBatch of(int[][] sequences, String what) {
        if (sequences.length == 0) {
            throw new IllegalArgumentException(what + ": expected at least one sequence, got none.");
        }
        int steps = 0;
        int[] lengths = new int[sequences.length];
        for (int b = 0; b < sequences.length; b++) {
            if (sequences[b].length == 0) {
                throw new IllegalArgumentException(what + " " + b + " is empty; every sequence needs at least one symbol.");
            }
            lengths[b] = sequences[b].length;
            steps = Math.max(steps, lengths[b]);
        }
        int[] ids = new int[sequences.length * steps];
        Arrays.fill(ids, -1);
        for (int b = 0; b < sequences.length; b++) {
            System.arraycopy(sequences[b], 0, ids, b * steps, lengths[b]);
        }
        return new SymbolBatch(ids, lengths, sequences.length, steps);
    }
}
