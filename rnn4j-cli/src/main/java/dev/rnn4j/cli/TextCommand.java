package dev.rnn4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn4j text train|eval|generate}: character language models over a long text. */
@Command(name = "text", mixinStandardHelpOptions = true, description = "Character language models: train, score, generate.",
        subcommands = {TextTrain.class, TextEval.class, TextGenerate.class})
final class TextCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing action: choose one of train, eval, generate.");
    }
}
