package dev.rnn4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn4j classify train|eval|predict}: sequence classification from CSV files. */
@Command(name = "classify", mixinStandardHelpOptions = true, description = "Sequence classification from CSV files.",
        subcommands = {ClassifyTrain.class, ClassifyEval.class, ClassifyPredict.class})
final class ClassifyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing action: choose one of train, eval, predict.");
    }
}
