package dev.rnn4j.text.data;

/**
 * How one non-blank line of a tagged corpus file becomes a token and its tag. Blank lines (empty
 * or only whitespace) always end a sentence and never reach the format.
 */
interface LineFormat {

    /** A token and its tag. */
    record Row(String token, String tag) {
    }

    /**
     * Parses one line.
     *
     * @return the row, or null for a line the format skips (a comment)
     * @throws IllegalArgumentException naming {@code where} ("file:line") when the line is malformed
     */
    Row parse(String line, String where);
}
