package dev.rnn4j.cli;

import dev.rnn4j.text.tagger.TaggerEnsemble;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The models that tag, and how, shared by {@code tag eval} and {@code tag predict} (a picocli mixin). */
final class TaggerOptions {

    @Option(names = "--model", required = true, description = "Model directory written by 'rnn4j tag train'; repeat it to tag "
            + "with several models together (their scores averaged: log-linear pooling).")
    List<Path> modelDirs;

    @Option(names = "--entity-bias", defaultValue = "0", description = "Added to the score of every tag but O before decoding "
            + "(BIO tag sets): above 0 trades precision for recall, multiplying the odds of an entity tag by e^bias (default: ${DEFAULT-VALUE}).")
    float entityBias;

    @Option(names = "--batch", defaultValue = "64", description = "Sentences per prediction batch (default: ${DEFAULT-VALUE}).")
    int batch;

    void validate() {
        if (batch < 1) {
            throw new CliException(ExitCodes.USAGE, "--batch must be >= 1, got " + batch + ".");
        }
    }

    /** Every --model, loaded (a later one trained on other tags than the first is an error). */
    List<TaggerModel> load() throws IOException {
        return TaggerModel.loadAll(modelDirs);
    }

    /** The loaded models tagging together with --entity-bias. */
    TaggerEnsemble ensemble(List<TaggerModel> models) {
        return TaggerModel.ensemble(models, entityBias);
    }

    /** How a ranking names the model or models. */
    String label() {
        return TaggerModel.label(modelDirs);
    }
}
