package dev.rnn4j.cli;

import dev.rnn4j.text.seq2seq.CharSeq2Seq;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The model and the decoding options shared by {@code seq2seq eval} and {@code seq2seq predict} (a picocli mixin). */
final class Seq2seqDecodeOptions {

    @Option(names = "--model", required = true, description = "Model directory (or .zip) written by seq2seq train.")
    Path modelDir;

    @Option(names = "--beam", defaultValue = "1", description = "Beam width; 1 for greedy decoding (default: ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--alpha", defaultValue = "0", description = "Beam length normalisation: score / length^alpha; 0 for none (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--max-len", defaultValue = "200", description = "Longest output in characters (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--batch", defaultValue = "128", description = "Sources decoded together (greedy) (default: ${DEFAULT-VALUE}).")
    int batch;

    void validate() {
        if (beam < 1 || maxLength < 1 || batch < 1 || !(alpha >= 0)) {
            throw new CliException(ExitCodes.USAGE, "Expected --beam, --max-len and --batch >= 1 and --alpha >= 0, got " + beam
                    + ", " + maxLength + ", " + batch + " and " + alpha + ".");
        }
    }

    /** The model's outputs for {@code sources}, decoded with these options. */
    List<String> translate(CharSeq2Seq model, List<String> sources) {
        return model.translate(sources, beam, alpha, maxLength, batch);
    }

    /** The model, set to decode on {@code threads} threads. */
    CharSeq2Seq load(int threads) throws IOException {
        CharSeq2Seq model = CharSeq2Seq.load(modelDir);
        model.model().setThreads(threads);
        return model;
    }
}
