package dev.rnn4j.text.data;

import java.util.List;

/**
 * One sentence of a tagged corpus: its tokens, one tag per token, and where it came from, so that
 * a later error (an unknown tag at evaluation) can name the file and line.
 *
 * @param tokens the words
 * @param tags   one tag per word
 * @param source the file name, for messages
 * @param lines  the 1-based line number of each token in {@code source}
 */
public record TaggedSentence(List<String> tokens, List<String> tags, String source, int[] lines) {

    public TaggedSentence {
        if (tokens.size() != tags.size() || tokens.size() != lines.length) {
            throw new IllegalArgumentException("A sentence needs one tag and one line number per token, got "
                    + tokens.size() + " tokens, " + tags.size() + " tags and " + lines.length + " line numbers.");
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("A sentence needs at least one token (" + source + ").");
        }
        tokens = List.copyOf(tokens);
        tags = List.copyOf(tags);
        lines = lines.clone();
    }

    /** A sentence made in code, without a file: line numbers count tokens from 1. */
    public static TaggedSentence of(List<String> tokens, List<String> tags) {
        int[] lines = new int[tokens.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
        }
        return new TaggedSentence(tokens, tags, "<memory>", lines);
    }

    public int size() {
        return tokens.size();
    }

    /** "file:line" of token {@code i}, for messages. */
    public String where(int i) {
        return source + ":" + lines[i];
    }
}
