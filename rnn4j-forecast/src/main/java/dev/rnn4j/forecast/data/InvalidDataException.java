package dev.rnn4j.forecast.data;

/**
 * Input data that cannot be used, with a one-sentence message naming the file, line and column,
 * what was expected and what arrived.
 */
public final class InvalidDataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;

    public InvalidDataException(String file, long line, String column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String format(String file, long line, String column, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(" line ").append(line);
        }
        if (column != null) {
            where.append(", column '").append(column).append('\'');
        }
        String p = problem.endsWith(".") ? problem : problem + ".";
        return where + ": " + p;
    }

    public String file() {
        return file;
    }

    /** 1-based line (the header is line 1), or 0 when the problem is not on one line. */
    public long line() {
        return line;
    }

    /** The column name, or null when the problem is not in one column. */
    public String column() {
        return column;
    }
}
