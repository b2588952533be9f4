package dev.rnn4j.forecast.data;

/**
 * Where a series came from, so that later errors (too short for the lookback, say) can still name
 * the file, the lines and the column.
 *
 * @param file      file name as the user gave it (no directories added)
 * @param column    the value column
 * @param firstLine 1-based line of the first value (the header is line 1); 0 when not from a file
 * @param lastLine  1-based line of the last value; 0 when not from a file
 */
public record Origin(String file, String column, long firstLine, long lastLine) {

    /** An origin for series built in code rather than read from a file. */
    public static Origin inMemory(String name) {
        return new Origin(name, "value", 0, 0);
    }

    /** "sales.csv lines 2-31, column 'units'", or the bare name for in-memory series. */
    public String describe() {
        if (firstLine <= 0) {
            return "series '" + file + "'";
        }
        return file + " lines " + firstLine + "-" + lastLine + ", column '" + column + "'";
    }
}
