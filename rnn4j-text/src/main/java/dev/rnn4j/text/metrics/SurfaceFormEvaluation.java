package dev.rnn4j.text.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The WNUT-17 "surface form" score: each entity counts once however often it occurs, so a system
 * cannot score by finding one frequent name many times. Over the whole corpus, the gold and the
 * predicted entities are reduced to sets of (type, lower-cased tokens joined by spaces); precision
 * and recall compare those sets. Chunks come from {@link ChunkExtractor}, as for
 * {@link SpanEvaluation}.
 */
public final class SurfaceFormEvaluation {

    private record Surface(String type, String text) {
    }

    private final Set<Surface> gold = new HashSet<>();
    private final Set<Surface> predicted = new HashSet<>();

    /**
     * Adds one sentence. Predicted entities read their text from {@code predictedTokens}, which is
     * normally the same as {@code goldTokens} (a system's output file may spell a token differently).
     */
    public void add(List<String> goldTokens, List<String> goldTags, List<String> predictedTokens, List<String> predictedTags) {
        if (goldTokens.size() != goldTags.size() || predictedTokens.size() != predictedTags.size()) {
            throw new IllegalArgumentException("Expected one tag per token, got " + goldTokens.size() + " gold tokens with "
                    + goldTags.size() + " tags and " + predictedTokens.size() + " predicted tokens with " + predictedTags.size() + ".");
        }
        collect(goldTokens, goldTags, gold);
        collect(predictedTokens, predictedTags, predicted);
    }

    private static void collect(List<String> tokens, List<String> tags, Set<Surface> into) {
        for (Chunk c : ChunkExtractor.chunks(tags)) {
            String text = String.join(" ", tokens.subList(c.start(), c.end())).toLowerCase(Locale.ROOT);
            into.add(new Surface(c.type(), text));
        }
    }

    /** Distinct surface forms: correct (in both sets), predicted and gold. */
    public SpanScore score() {
        int correct = 0;
        for (Surface s : predicted) {
            if (gold.contains(s)) {
                correct++;
            }
        }
        return new SpanScore(correct, predicted.size(), gold.size());
    }
}
