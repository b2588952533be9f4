package dev.rnn4j.text.tagger;

import java.util.Locale;

/**
 * How a token is spelled before it is looked up in the word vocabulary. Lower-casing merges
 * {@code Apple}, {@code apple} and {@code APPLE} into one row, which matters when the vectors it
 * starts from are lower case (GloVe) and when the corpus is small and noisy (tweets); the case
 * itself still reaches the tagger through the character features, which always read the token as
 * written.
 */
public enum WordForm {
    /** The token as written. */
    AS_WRITTEN("as_written"),
    /** The token lower-cased (root locale). */
    LOWER_CASE("lower");

    private final String id;

    WordForm(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The spelling of {@code token} that the word vocabulary sees. */
    public String apply(String token) {
        return this == LOWER_CASE ? token.toLowerCase(Locale.ROOT) : token;
    }

    /** The form whose {@link #id()} is {@code id}. */
    public static WordForm parse(String id) {
        for (WordForm f : values()) {
            if (f.id.equalsIgnoreCase(id.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("The word form must be as_written or lower, got '" + id + "'.");
    }
}
