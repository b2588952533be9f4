package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.text.lm.CharLanguageModel;
import dev.rnn4j.text.lm.CharLmTraining;
import dev.rnn4j.text.lm.CharLmTrainingConfig;
import dev.rnn4j.text.lm.CharText;
import dev.rnn4j.text.vocab.Vocabulary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j text train}: a stacked LSTM or GRU character model over one long text, trained with
 * stateful truncated BPTT, validated on a held-out tail (or a separate file), saving the best
 * model as soon as it appears.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a character language model; the last 10 %% of --data validates unless --valid is given.")
final class TextTrain implements Callable<Integer> {

    /** Share of --data kept for training when no --valid file is given. */
    static final double TRAIN_SHARE = 0.9;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Training text (UTF-8).")
    Path data;

    @Option(names = "--valid", description = "Validation text (default: the last 10 %% of --data).")
    Path valid;

    @Option(names = "--model", required = true, description = "Directory to write the model to.")
    Path modelDir;

    @Option(names = "--cell", defaultValue = "lstm", converter = CellConverter.class, description = "lstm or gru (default: ${DEFAULT-VALUE}).")
    CellOption cell;

    @Option(names = "--layers", defaultValue = "2", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "512", description = "Hidden units per layer (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--dropout", defaultValue = "0.2", description = "Dropout on every layer's output (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--bptt", defaultValue = "100", description = "Characters per truncated-BPTT chunk (default: ${DEFAULT-VALUE}).")
    int bptt;

    @Option(names = "--batch", defaultValue = "64", description = "Parallel streams the text is cut into (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--clip", defaultValue = "5", description = "Global gradient-norm clip; 0 for none (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--epochs", defaultValue = "50", description = "Maximum passes over the training text (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--minutes", defaultValue = "0", description = "Time budget in minutes; 0 for none (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--validate-every", defaultValue = "100", description = "Steps between validations; 0 for once per epoch (default: ${DEFAULT-VALUE}).")
    int validateEvery;

    @Option(names = "--patience", defaultValue = "0", description = "Validations without improvement before stopping; 0 for never (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--decay", defaultValue = "0.5", description = "Learning-rate factor after a validation that is not the best; 1 for none (default: ${DEFAULT-VALUE}).")
    double decay;

    @Override
    public Integer call() throws Exception {
        common.validate();
        if (cell == CellOption.RNN) {
            throw new CliException(ExitCodes.USAGE, "--cell must be lstm or gru for a character model, got rnn.");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new CliException(ExitCodes.USAGE, "--dropout must be in [0, 1), got " + dropout + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CharText text = CharText.read(data);
        CharText trainText;
        CharText validText;
        if (valid == null) {
            CharText[] parts = text.split(TRAIN_SHARE);
            trainText = parts[0];
            validText = parts[1];
        } else {
            trainText = text;
            validText = CharText.read(valid);
        }
        // Every character of both texts, as char-rnn does: a character only the validation text has keeps an
        // output the training pushes down, rather than making validation impossible.
        Vocabulary vocabulary = new CharText(data.toString(), trainText.text() + validText.text()).vocabulary();
        int[] trainIds = trainText.encode(vocabulary);
        int[] validIds = validText.encode(vocabulary);
        CharLmTrainingConfig config;
        SequenceModel model;
        try {
            config = new CharLmTrainingConfig(batch, bptt, lr, clip, epochs, minutes, validateEvery, patience, decay,
                    common.threads, common.seed);
            model = SequenceModel.create(CharLanguageModel.config(vocabulary.size(), cell.type, layers, hidden, dropout, common.seed));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        if (trainIds.length - 1 < (long) batch * bptt) {
            throw new CliException(ExitCodes.INVALID_INPUT, trainText.source() + " has " + trainIds.length
                    + " characters, too few for --batch " + batch + " streams of --bptt " + bptt + " characters; lower them.");
        }
        if (validIds.length < 2) {
            throw new CliException(ExitCodes.INVALID_INPUT, validText.source() + " has " + validIds.length
                    + " character; validation needs at least 2 (the first one is only context).");
        }
        err.printf(Locale.ROOT, "text train: %d train / %d validation characters, %d-character vocabulary, %s %dx%d, %d parameters%n",
                trainIds.length, validIds.length, vocabulary.size(), cell.id(), layers, hidden, model.parameters().length);
        err.flush();
        CharLanguageModel lm = new CharLanguageModel(vocabulary, model);
        long t0 = System.nanoTime();
        CharLmTraining.Result result;
        try (TextProgress progress = new TextProgress(err, epochs, (m, v) -> lm.save(modelDir, card(v, trainIds.length, validIds.length)))) {
            result = CharLmTraining.train(model, trainIds, validIds, config, progress);
        } catch (IllegalStateException e) {
            throw new CliException(ExitCodes.TRAINING_FAILED, e.getMessage());
        }
        // The model now holds the best weights, which were saved when they appeared.
        CharLmTraining.ValidationReport best = result.best();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (common.json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("model", modelDir.toString());
            j.put("nats_per_char", best.validNats());
            j.put("bits_per_char", best.validBits());
            j.put("best_step", best.step());
            j.put("steps", result.steps());
            j.put("epochs", best.epochs());
            j.put("stopped_by", result.stopReason());
            j.put("seconds", seconds);
            out.println(Json.line(j));
        } else {
            out.printf(Locale.ROOT, "saved %s: validation %.4f nats/char (%.4f bits/char) at step %d of %d, epoch %.2f; stopped by %s after %.1f s%n",
                    modelDir, best.validNats(), best.validBits(), best.step(), result.steps(), best.epochs(),
                    result.stopReason(), seconds);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The model card: how the model was trained and how well it did on its validation text. */
    private ObjectNode card(CharLmTraining.ValidationReport v, int trainChars, int validChars) {
        ObjectNode card = ModelFiles.json().createObjectNode();
        card.put("task", "character_language_model");
        ObjectNode t = card.putObject("training");
        t.put("data", data.getFileName().toString());
        t.put("validation", valid == null ? "last 10 % of data" : valid.getFileName().toString());
        t.put("train_characters", trainChars);
        t.put("validation_characters", validChars);
        t.put("batch", batch);
        t.put("bptt", bptt);
        t.put("lr", lr);
        t.put("clip", clip);
        t.put("dropout", dropout);
        t.put("threads", common.threads);
        t.put("step", v.step());
        t.put("epochs", v.epochs());
        t.put("seconds", v.seconds());
        ObjectNode m = card.putObject("metrics");
        m.put("validation_nats_per_char", v.validNats());
        m.put("validation_bits_per_char", v.validBits());
        card.set("provenance", Provenance.of(common.seed));
        return card;
    }
}
