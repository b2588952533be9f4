package dev.rnn4j.forecast.data;

import java.util.Locale;

/**
 * What to do with a missing target or covariate value (an empty cell or NaN). The default is to
 * refuse: silently filled gaps distort every metric downstream, so filling is an explicit choice.
 */
public enum FillPolicy {
    /** Refuse the file, naming the line and column of the first missing value. */
    ERROR,
    /** Carry the last seen value forward; a gap at the very start takes the first value seen. */
    PREVIOUS,
    /** Interpolate linearly between the neighbours; gaps at either end take the nearest value. */
    LINEAR,
    /** Replace by zero (counts, where a gap means nothing happened). */
    ZERO;

    /** Parses "error", "previous", "linear", "zero" (any case). */
    public static FillPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown fill policy '" + text
                    + "'; expected one of error, previous, linear, zero.", e);
        }
    }
}
