package dev.rnn4j.text.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Minibatches of sentences of similar length. A padded batch costs as much as its longest sentence
 * times its size, so batching random sentences wastes much of the work on padding; sorting all
 * sentences by length would instead make every epoch identical. The middle way used here: shuffle,
 * sort by length within pools of {@code poolBatches} batches, cut the pools into batches, shuffle
 * the batches. Deterministic for a given seed.
 */
public final class SentenceBatches {

    private SentenceBatches() {
    }

    /** One epoch of batches of tagged sentences; see {@link #epoch(List, ToIntFunction, int, int, long)}. */
    public static List<List<TaggedSentence>> epoch(List<TaggedSentence> sentences, int batchSize, int poolBatches, long seed) {
        return epoch(sentences, TaggedSentence::size, batchSize, poolBatches, seed);
    }

    /** One epoch of batches of at most {@code batchSize} items; every item appears exactly once. */
    public static <S> List<List<S>> epoch(List<S> sentences, ToIntFunction<S> length, int batchSize, int poolBatches, long seed) {
        if (batchSize < 1 || poolBatches < 1) {
            throw new IllegalArgumentException("batchSize and poolBatches must be >= 1, got " + batchSize + " and " + poolBatches + ".");
        }
        Random random = new Random(seed);
        List<S> shuffled = new ArrayList<>(sentences);
        Collections.shuffle(shuffled, random);
        List<List<S>> batches = new ArrayList<>();
        int pool = batchSize * poolBatches;
        for (int from = 0; from < shuffled.size(); from += pool) {
            List<S> part = new ArrayList<>(shuffled.subList(from, Math.min(shuffled.size(), from + pool)));
            part.sort(Comparator.comparingInt(length));
            for (int b = 0; b < part.size(); b += batchSize) {
                batches.add(List.copyOf(part.subList(b, Math.min(part.size(), b + batchSize))));
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }
}
