package dev.rnn4j.text.tagger;

import dev.rnn4j.text.embed.PretrainedVectors;
import dev.rnn4j.text.vocab.Tokens;
import dev.rnn4j.text.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word vocabulary of a tagger that may start from pretrained vectors.
 *
 * <p>Without vectors: the training words (in the encoder's {@link WordForm}) seen at least
 * {@code minCount} times. With vectors, also every rarer training word that has a vector (its row
 * starts somewhere meaningful, so it need not be folded into {@code <unk>}), and the first
 * {@code extraVectorWords} words of the vector file that training never saw: GloVe and word2vec
 * files list the most frequent words first, so these are the words a new text most likely holds,
 * and their rows keep their pretrained values because training gives them no gradient. That is
 * how an entity name absent from training but close to known ones in the vector space gets
 * recognised.
 */
public final class TaggerVocabularies {

    private TaggerVocabularies() {
    }

    /**
     * @param sentences        the training tokens as written
     * @param vectors          pretrained vectors, or null for none
     * @param extraVectorWords how many of the vector file's first words join the vocabulary besides the training words
     */
    public static Vocabulary words(List<? extends List<String>> sentences, WordForm form, int minCount, PretrainedVectors vectors,
                                   int extraVectorWords) {
        if (minCount < 1 || extraVectorWords < 0) {
            throw new IllegalArgumentException("minCount must be >= 1 and extraVectorWords >= 0, got " + minCount + " and "
                    + extraVectorWords + ".");
        }
        Map<String, Integer> counts = Tokens.countWords(normalised(sentences, form));
        if (vectors == null) {
            return Vocabulary.fromCounts(counts, minCount);
        }
        Map<String, Integer> kept = new LinkedHashMap<>();
        counts.forEach((word, count) -> {
            if (count >= minCount || vectors.contains(word) || vectors.contains(word.toLowerCase(Locale.ROOT))) {
                kept.put(word, count);
            }
        });
        Vocabulary trained = Vocabulary.fromCounts(kept, 1);
        List<String> symbols = new ArrayList<>(trained.symbols());
        Set<String> present = new HashSet<>(symbols);
        int added = 0;
        for (String word : vectors.words()) {
            if (added == extraVectorWords) {
                break;
            }
            String w = form.apply(word);
            if (present.add(w)) {
                symbols.add(w);
                added++;
            }
        }
        return new Vocabulary(symbols, Vocabulary.UNKNOWN);
    }

    /** The sentences with every token in {@code form}. */
    public static List<List<String>> normalised(List<? extends List<String>> sentences, WordForm form) {
        List<List<String>> out = new ArrayList<>(sentences.size());
        for (List<String> s : sentences) {
            out.add(s.stream().map(form::apply).toList());
        }
        return out;
    }
}
