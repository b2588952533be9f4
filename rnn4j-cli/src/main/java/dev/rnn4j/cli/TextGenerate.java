package dev.rnn4j.cli;

import dev.rnn4j.text.lm.CharGenerator;
import dev.rnn4j.text.lm.CharLanguageModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j text generate}: prints the seed text, then samples characters from the model and
 * prints each one as soon as it is drawn.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Sample text from a character model, printed as it is generated.")
final class TextGenerate implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory written by 'rnn4j text train'.")
    Path modelDir;

    @Option(names = "--seed-text", defaultValue = "\n", description = "Text to start from; printed, then continued (default: a newline).")
    String seedText;

    @Option(names = "--length", defaultValue = "500", description = "Characters to generate (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Softmax temperature: lower is more conservative (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Sample among the k likeliest characters only; 0 for all, 1 for greedy (default: ${DEFAULT-VALUE}).")
    int topK;

    @Override
    public Integer call() throws Exception {
        common.validate();
        if (length < 0) {
            throw new CliException(ExitCodes.USAGE, "--length must be >= 0, got " + length + ".");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new CliException(ExitCodes.USAGE, "--temperature must be a finite number > 0, got " + temperature + ".");
        }
        if (topK < 0) {
            throw new CliException(ExitCodes.USAGE, "--top-k must be >= 0 (0: all characters), got " + topK + ".");
        }
        if (seedText.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--seed-text must have at least one character to start from.");
        }
        CharLanguageModel lm = CharLanguageModel.load(modelDir);
        // --threads shares each step of a large layer between cores: generation steps back to back.
        CharGenerator generator = new CharGenerator(lm, common.threads);
        PrintWriter out = spec.commandLine().getOut();
        out.print(seedText);
        out.flush();
        generator.generate(seedText, length, temperature, topK, common.seed, cp -> {
            out.print(Character.toString(cp));
            out.flush();
        });
        out.println();
        out.flush();
        return ExitCodes.OK;
    }
}
