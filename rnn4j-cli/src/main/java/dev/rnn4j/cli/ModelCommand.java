package dev.rnn4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn4j model inspect|quantize|drift}: operations on saved model files. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Inspect, quantise and watch saved models.",
        subcommands = {ModelInspect.class, ModelQuantize.class, ModelDrift.class})
final class ModelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing action: choose inspect, quantize or drift.");
    }
}
