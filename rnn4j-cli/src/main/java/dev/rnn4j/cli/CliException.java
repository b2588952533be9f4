package dev.rnn4j.cli;

/** An error the user can fix, with the exit code to end with; its message is the one sentence printed. */
public final class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
