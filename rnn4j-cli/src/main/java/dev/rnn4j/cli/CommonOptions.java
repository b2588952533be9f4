package dev.rnn4j.cli;

import picocli.CommandLine.Option;

/** Options every command takes (a picocli mixin). */
public final class CommonOptions {

    @Option(names = "--seed", description = "Seed of every random draw (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int threads;

    @Option(names = "--json", description = "Print the result as one JSON object on the last line.")
    boolean json;

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    void validate() {
        if (threads < 1) {
            throw new CliException(ExitCodes.USAGE, "--threads must be >= 1, got " + threads + ".");
        }
    }
}
