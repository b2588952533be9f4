package dev.rnn4j.cli;

import picocli.CommandLine.Command;

/** {@code rnn4j lab <experiment>}: the classic experiments that show why gates exist. */
@Command(name = "lab", mixinStandardHelpOptions = true, description = "Classic recurrent-network experiments.",
        subcommands = {AddingLab.class, GradientsLab.class})
final class LabCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing experiment: choose one of adding, gradients.");
    }
}
