package dev.rnn4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn4j seq2seq train|eval|predict|generate-task}: character-level encoder-decoder models on TSV pairs. */
@Command(name = "seq2seq", mixinStandardHelpOptions = true,
        description = "Sequence-to-sequence (encoder-decoder) models on source<TAB>target pairs.",
        subcommands = {Seq2seqTrain.class, Seq2seqEval.class, Seq2seqPredict.class, Seq2seqGenerateTask.class})
final class Seq2seqCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing action: choose one of train, eval, predict, generate-task.");
    }
}
