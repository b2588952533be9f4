package dev.rnn4j.text.vocab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Building vocabularies from text: word counts, and characters as Unicode code points (so a
 * letter outside the Basic Multilingual Plane, such as an emoji in a tweet, is one symbol, not two
 * UTF-16 halves).
 */
public final class Tokens {

    private Tokens() {
    }

    /** The characters of {@code word}, one string per code point. */
    public static List<String> characters(String word) {
        List<String> out = new ArrayList<>(word.length());
        word.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }

    /** How often each token occurs across the sentences. */
    public static Map<String, Integer> countWords(Iterable<? extends List<String>> sentences) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> sentence : sentences) {
            for (String token : sentence) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** How often each character (code point) occurs across the tokens of the sentences. */
    public static Map<String, Integer> countCharacters(Iterable<? extends List<String>> sentences) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> sentence : sentences) {
            for (String token : sentence) {
                for (String c : characters(token)) {
                    counts.merge(c, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** A word vocabulary: words seen at least {@code minCount} times, plus {@link Vocabulary#UNKNOWN}. */
    public static Vocabulary wordVocabulary(Iterable<? extends List<String>> sentences, int minCount) {
        return Vocabulary.fromCounts(countWords(sentences), minCount);
    }

    /** A character vocabulary: characters seen at least {@code minCount} times, plus {@link Vocabulary#UNKNOWN}. */
    public static Vocabulary characterVocabulary(Iterable<? extends List<String>> sentences, int minCount) {
        return Vocabulary.fromCounts(countCharacters(sentences), minCount);
    }
}
