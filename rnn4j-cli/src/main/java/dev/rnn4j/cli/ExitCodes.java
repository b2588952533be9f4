package dev.rnn4j.cli;

/** Exit codes of every rnn4j command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something unexpected inside rnn4j (a bug): run again with --verbose for the stack trace. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad command-line usage: unknown option, missing argument, value out of range. */
    public static final int USAGE = 2;
    /** The input data or model is malformed (names file, line and column). */
    public static final int INVALID_INPUT = 3;
    /** A file could not be read or written. */
    public static final int IO_ERROR = 4;
    /** Training stopped on a NaN or infinite value. */
    public static final int TRAINING_FAILED = 5;

    private ExitCodes() {
    }
}
