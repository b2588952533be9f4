package dev.rnn4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn4j model inspect|quantize}: operations on saved model files. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Look into saved model files.",
        subcommands = {ModelInspect.class, ModelQuantize.class})
final class ModelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing action: choose inspect or quantize.");
    }
}
