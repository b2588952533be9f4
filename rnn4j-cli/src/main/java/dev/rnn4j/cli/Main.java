package dev.rnn4j.cli;

import dev.rnn4j.data.DataFormatException;
import dev.rnn4j.train.NonFiniteValueException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn4j <noun> <verb>}: the command-line entry point. */
@Command(name = "rnn4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Recurrent neural networks for the JVM.",
        subcommands = {LabCommand.class, ClassifyCommand.class, TagCommand.class, TextCommand.class, Seq2seqCommand.class,
                ForecastCommand.class, ModelCommand.class,
                BenchCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(out, err);
        return cli.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.originalArgs().contains("--verbose");
            commandLine.getErr().println("rnn4j: " + message(ex));
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return exitCode(ex);
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("rnn4j: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cli;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof CliException c) {
            return c.exitCode();
        }
        if (ex instanceof DataFormatException || ex instanceof IllegalArgumentException) {
            return ExitCodes.INVALID_INPUT;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return ExitCodes.IO_ERROR;
        }
        if (ex instanceof NonFiniteValueException) {
            return ExitCodes.TRAINING_FAILED;
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private static String message(Throwable ex) {
        if (ex instanceof CliException || ex instanceof DataFormatException || ex instanceof IllegalArgumentException
                || ex instanceof IOException || ex instanceof UncheckedIOException || ex instanceof NonFiniteValueException) {
            return ex.getMessage();
        }
        return "internal error (" + ex + "); run again with --verbose for details.";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rnn4j " + (v == null ? "(development build)" : v)};
        }
    }
}
