package dev.rnn4j.data;

import java.io.IOException;
import java.nio.file.Path;

/** Malformed input data: the message names the file, line and column, what was expected and what arrived. */
public final class DataFormatException extends IOException {

    private final Path file;
    private final long line;
    private final String column;

    public DataFormatException(Path file, long line, String column, String problem) {
        super(file + ", line " + line + (column == null ? "" : ", column " + column) + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number (the header is line 1). */
    public long line() {
        return line;
    }

    /** The column's name, or null when the problem is the whole line. */
    public String column() {
        return column;
    }
}
