package dev.rnn4j.text.data;

import java.util.Locale;

/**
 * Which tag column of the Brown TSV to read: the original Brown tags (472 distinct), the base tags
 * with title/headline/citation/foreign marks stripped (92), or the 12 universal-style coarse tags.
 */
public enum BrownTagSet {
    RAW(1),
    BASE(2),
    COARSE(3);

    private final int column;

    BrownTagSet(int column) {
        this.column = column;
    }

    /** The 0-based column holding this tag set (column 0 is the word). */
    public int column() {
        return column;
    }

    /** The tag set named {@code raw}, {@code base} or {@code coarse}. */
    public static BrownTagSet parse(String name) {
        for (BrownTagSet t : values()) {
            if (t.name().equalsIgnoreCase(name.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("The Brown tag set must be raw, base or coarse, got '" + name + "'.");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
