package dev.rnn4j.text.metrics;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Entity-level evaluation with conlleval semantics: chunks found by {@link ChunkExtractor}, a
 * prediction counts only if a gold chunk has the same type, start and end; precision, recall and
 * F1 per type and overall. Also counts token accuracy over the same tokens, as conlleval prints it.
 * Add sentences one at a time; the counts are kept, so the evaluation is cheap to update.
 */
public final class SpanEvaluation {

    private final SortedMap<String, SpanScore> byType = new TreeMap<>();
    private SpanScore overall = new SpanScore(0, 0, 0);
    private final TokenAccuracy accuracy = new TokenAccuracy();

    /** Adds one sentence: its gold tags and the predicted tags, one per token. */
    public void add(List<String> gold, List<String> predicted) {
        accuracy.add(gold, predicted);
        List<Chunk> goldChunks = ChunkExtractor.chunks(gold);
        List<Chunk> predictedChunks = ChunkExtractor.chunks(predicted);
        Set<Chunk> goldSet = new HashSet<>(goldChunks);
        for (Chunk c : goldChunks) {
            tally(c.type(), 0, 0, 1);
        }
        for (Chunk c : predictedChunks) {
            tally(c.type(), goldSet.contains(c) ? 1 : 0, 1, 0);
        }
    }

    private void tally(String type, int correct, int predicted, int gold) {
        byType.merge(type, new SpanScore(correct, predicted, gold),
                (a, b) -> a.plus(b.correct(), b.predicted(), b.gold()));
        overall = overall.plus(correct, predicted, gold);
    }

    /** Counts over every chunk type. */
    public SpanScore overall() {
        return overall;
    }

    /** Counts per chunk type, types in alphabetical order; a type appears once seen in gold or predictions. */
    public SortedMap<String, SpanScore> byType() {
        return Collections.unmodifiableSortedMap(byType);
    }

    /** Token accuracy over all tokens added. */
    public TokenAccuracy accuracy() {
        return accuracy;
    }
}
