package dev.rnn4j.text.seq2seq;

import dev.rnn4j.text.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Strings to symbol indices and back, one symbol per character (code point). The source
 * vocabulary is open (characters never seen in training read as {@code <unk>}); the target
 * vocabulary is closed and starts with the decoder's start and end symbols.
 */
public record CharacterCodec(Vocabulary source, Vocabulary target) {

    public static final String START = "<s>";
    public static final String END = "</s>";

    public CharacterCodec {
        if (target.indexOf(START) != 0 || target.indexOf(END) != 1) {
            throw new IllegalArgumentException("The target vocabulary must start with " + START + " and " + END + ", got "
                    + target.symbols().subList(0, Math.min(2, target.size())) + ".");
        }
    }

    /** The characters of the training pairs, in code-point order. */
    public static CharacterCodec fromPairs(List<TextPair> pairs) {
        TreeSet<Integer> src = new TreeSet<>();
        TreeSet<Integer> tgt = new TreeSet<>();
        for (TextPair p : pairs) {
            p.source().codePoints().forEach(src::add);
            p.target().codePoints().forEach(tgt::add);
        }
        List<String> s = new ArrayList<>(List.of(Vocabulary.UNKNOWN));
        src.forEach(c -> s.add(Character.toString(c)));
        List<String> t = new ArrayList<>(List.of(START, END));
        tgt.forEach(c -> t.add(Character.toString(c)));
        return new CharacterCodec(new Vocabulary(s, Vocabulary.UNKNOWN), Vocabulary.closed(t));
    }

    public int startSymbol() {
        return 0;
    }

    public int endSymbol() {
        return 1;
    }

    public int[] encodeSource(String text) {
        return text.codePoints().map(c -> source.indexOf(Character.toString(c))).toArray();
    }

    /** Target characters; one the model cannot produce is an error naming {@code where}. */
    public int[] encodeTarget(String text, String where) {
        return text.codePoints().map(c -> {
            String ch = Character.toString(c);
            if (!target.contains(ch)) {
                throw new IllegalArgumentException(where + ": target character '" + ch + "' was not seen in training, so the "
                        + "model cannot produce it.");
            }
            return target.indexOf(ch);
        }).toArray();
    }

    public String decodeTarget(int[] symbols) {
        StringBuilder sb = new StringBuilder();
        for (int s : symbols) {
            if (s != startSymbol() && s != endSymbol()) {
                sb.append(target.symbol(s));
            }
        }
        return sb.toString();
    }
}
