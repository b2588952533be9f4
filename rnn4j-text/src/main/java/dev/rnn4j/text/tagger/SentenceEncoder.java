package dev.rnn4j.text.tagger;

import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.vocab.Tokens;
import dev.rnn4j.text.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns sentences into {@link EncodedBatch}es with a model's vocabularies. Unseen words and
 * characters map to the unknown symbol; an unseen tag is an error naming its file and line,
 * because a model cannot be scored on a tag it cannot output.
 *
 * @param words      the word vocabulary (open)
 * @param characters the character vocabulary (open), or null for a model without character features
 * @param tags       the tag vocabulary (closed)
 * @param wordForm   how a token is spelled before the word vocabulary looks it up (characters always see it as written)
 */
public record SentenceEncoder(Vocabulary words, Vocabulary characters, Vocabulary tags, WordForm wordForm) {

    /** An encoder that looks words up as written. */
    public SentenceEncoder(Vocabulary words, Vocabulary characters, Vocabulary tags) {
        this(words, characters, tags, WordForm.AS_WRITTEN);
    }

    public SentenceEncoder {
        if (wordForm == null) {
            throw new IllegalArgumentException("The word form must be as_written or lower, got null.");
        }
        if (!words.isOpen()) {
            throw new IllegalArgumentException("The word vocabulary must have an unknown symbol for unseen words.");
        }
        if (characters != null && !characters.isOpen()) {
            throw new IllegalArgumentException("The character vocabulary must have an unknown symbol for unseen characters.");
        }
    }

    /** Encodes sentences with their gold tags. */
    public EncodedBatch encode(List<TaggedSentence> sentences) {
        List<List<String>> tokens = new ArrayList<>(sentences.size());
        for (TaggedSentence s : sentences) {
            tokens.add(s.tokens());
        }
        EncodedBatch unlabelled = encodeTokens(tokens);
        int time = unlabelled.time();
        int[] gold = new int[unlabelled.words().length];
        Arrays.fill(gold, -1);
        for (int b = 0; b < sentences.size(); b++) {
            TaggedSentence s = sentences.get(b);
            for (int t = 0; t < s.size(); t++) {
                gold[b * time + t] = knownTag(s, t);
            }
        }
        return new EncodedBatch(time, unlabelled.lengths(), unlabelled.words(), unlabelled.characters(), gold);
    }

    /** Fails, naming file and line, at the first gold tag the model does not know. */
    public void requireKnownTags(List<TaggedSentence> sentences) {
        for (TaggedSentence s : sentences) {
            for (int t = 0; t < s.size(); t++) {
                knownTag(s, t);
            }
        }
    }

    private int knownTag(TaggedSentence s, int t) {
        int id = tags.indexOf(s.tags().get(t));
        if (id < 0) {
            throw new IllegalArgumentException(s.where(t) + ": tag '" + s.tags().get(t) + "' was not seen in training; "
                    + "the model knows " + tags.size() + " tags: " + abbreviate(tags.symbols()) + ".");
        }
        return id;
    }

    /** Encodes token sequences without tags (for prediction). */
    public EncodedBatch encodeTokens(List<? extends List<String>> sentences) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("A batch needs at least one sentence, got none.");
        }
        int time = 0;
        int[] lengths = new int[sentences.size()];
        for (int b = 0; b < lengths.length; b++) {
            lengths[b] = sentences.get(b).size();
            time = Math.max(time, lengths[b]);
        }
        int[] ids = new int[lengths.length * time];
        Arrays.fill(ids, -1);
        List<int[]> chars = characters == null ? null : new ArrayList<>();
        for (int b = 0; b < lengths.length; b++) {
            List<String> s = sentences.get(b);
            for (int t = 0; t < s.size(); t++) {
                ids[b * time + t] = words.indexOf(wordForm.apply(s.get(t)));
                if (chars != null) {
                    chars.add(Tokens.characters(s.get(t)).stream().mapToInt(characters::indexOf).toArray());
                }
            }
        }
        return new EncodedBatch(time, lengths, ids, chars == null ? null : chars.toArray(new int[0][]), null);
    }

    /** Tag names of decoded indices. */
    public List<String> tagNames(int[] indices) {
        List<String> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(tags.symbol(i));
        }
        return out;
    }

    private static String abbreviate(List<String> symbols) {
        return symbols.size() <= 20 ? symbols.toString() : symbols.subList(0, 20) + " and " + (symbols.size() - 20) + " more";
    }
}
