package dev.rnn4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn4j tag train|eval|predict}: sequence tagging (part of speech, named entities) with a BiLSTM-CRF. */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Sequence tagging (POS, NER) with a BiLSTM-CRF.",
        subcommands = {TagTrain.class, TagEval.class, TagPredict.class})
final class TagCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing action: choose one of train, eval, predict.");
    }
}
