package dev.rnn4j.text.seq2seq;

/**
 * A source string and its target, with where it came from ("file:line") for error messages.
 *
 * @param source non-empty source text
 * @param target target text (may be empty)
 * @param where  "file:line", or a description of the pair's origin
 */
public record TextPair(String source, String target, String where) {

    public TextPair {
        if (source == null || source.isEmpty()) {
            throw new IllegalArgumentException(where + ": the source is empty; every pair needs at least one source character.");
        }
        if (target == null) {
            throw new IllegalArgumentException(where + ": the target is missing.");
        }
    }

    /** Length of the source in characters (code points). */
    public int sourceLength() {
        return source.codePointCount(0, source.length());
    }
}
