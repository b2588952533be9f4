package dev.rnn4j.text.baseline;

import dev.rnn4j.text.data.TaggedSentence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The classic floor for part-of-speech tagging: each known word gets the tag it carried most often
 * in training, every unseen word the tag most frequent overall. Ties go to the tag seen first in
 * the training data (as Python's {@code Counter.most_common} breaks them, which the published
 * figures used). A tagger worth its training time must beat it clearly.
 *
 * <p>Words are looked up through a key: the word itself, or the word lower-cased (the variant the
 * Brown corpus README reports: 0.880 / 0.901 / 0.940 on dev for the raw / base / coarse tags).
 */
public final class MostFrequentTagBaseline {

    /** Words are keys as they are. */
    public static final UnaryOperator<String> EXACT = w -> w;
    /** Words are keys lower-cased (root locale), so "The" and "the" share their counts. */
    public static final UnaryOperator<String> LOWERCASE = w -> w.toLowerCase(Locale.ROOT);

    private final Map<String, String> byWord;
    private final String fallback;
    private final UnaryOperator<String> key;

    private MostFrequentTagBaseline(Map<String, String> byWord, String fallback, UnaryOperator<String> key) {
        this.byWord = byWord;
        this.fallback = fallback;
        this.key = key;
    }

    /** Counts word-tag pairs over the training sentences, words as they are. */
    public static MostFrequentTagBaseline train(List<TaggedSentence> sentences) {
        return train(sentences, EXACT);
    }

    /** Counts word-tag pairs over the training sentences, each word looked up by {@code key(word)}. */
    public static MostFrequentTagBaseline train(List<TaggedSentence> sentences, UnaryOperator<String> key) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("The most-frequent-tag baseline needs at least one training sentence, got none.");
        }
        // Insertion-ordered, so that a tie goes to the tag seen first.
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, Integer> overall = new LinkedHashMap<>();
        for (TaggedSentence s : sentences) {
            for (int i = 0; i < s.size(); i++) {
                counts.computeIfAbsent(key.apply(s.tokens().get(i)), w -> new LinkedHashMap<>()).merge(s.tags().get(i), 1, Integer::sum);
                overall.merge(s.tags().get(i), 1, Integer::sum);
            }
        }
        Map<String, String> byWord = new HashMap<>();
        counts.forEach((word, tags) -> byWord.put(word, mostFrequent(tags)));
        return new MostFrequentTagBaseline(byWord, mostFrequent(overall), key);
    }

    private static String mostFrequent(Map<String, Integer> counts) {
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int c = e.getValue();
            if (c > bestCount) {
                best = e.getKey();
                bestCount = c;
            }
        }
        return best;
    }

    /** The tag predicted for each token. */
    public List<String> predict(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            out.add(byWord.getOrDefault(key.apply(t), fallback));
        }
        return out;
    }

    /** The tag given to words never seen in training. */
    public String fallbackTag() {
        return fallback;
    }
}
