package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.optim.LearningRateSchedule;
import dev.rnn4j.seq2seq.AttentionScore;
import dev.rnn4j.seq2seq.EncoderDecoder;
import dev.rnn4j.seq2seq.ScheduledFeeding;
import dev.rnn4j.seq2seq.Seq2SeqConfig;
import dev.rnn4j.seq2seq.Seq2SeqTrainer;
import dev.rnn4j.seq2seq.Seq2SeqTrainingConfig;
import dev.rnn4j.text.seq2seq.CharSeq2Seq;
import dev.rnn4j.text.seq2seq.CharacterCodec;
import dev.rnn4j.text.seq2seq.PairFile;
import dev.rnn4j.text.seq2seq.TextPair;
import dev.rnn4j.train.ScheduledSampling;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j seq2seq train}: trains a character-level encoder-decoder on TSV pairs with teacher
 * forcing or scheduled sampling, Adam and global-norm clipping; early-stops on greedy exact match
 * over {@code --dev} and saves the best epoch's model with its vocabularies.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train an encoder-decoder on source<TAB>target pairs.")
final class Seq2seqTrain implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Training pairs (source TAB target per line).")
    Path data;

    @Option(names = "--dev", description = "Development pairs: exact match after each epoch, early stopping, best epoch kept.")
    Path dev;

    @Option(names = "--model", required = true, description = "Directory (or .zip) to write the model to.")
    Path modelDir;

    @Option(names = "--cell", defaultValue = "lstm", converter = CellConverter.class, description = "rnn, lstm or gru (default: ${DEFAULT-VALUE}).")
    CellOption cell;

    @Option(names = "--embedding", defaultValue = "32", description = "Character vector size (default: ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--hidden", defaultValue = "128", description = "Encoder hidden units per direction (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--decoder-hidden", description = "Decoder hidden units (default: the encoder's output width).")
    Integer decoderHidden;

    @Option(names = "--layers", defaultValue = "1", description = "Layers of each stack (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--bidirectional", description = "Bidirectional encoder (the decoder is always unidirectional).")
    boolean bidirectional;

    @Option(names = "--reverse-source", description = "The encoder reads each source backwards (Sutskever et al. 2014).")
    boolean reverseSource;

    @Option(names = "--attention", defaultValue = "none", description = "Luong attention score: none, dot or general (default: ${DEFAULT-VALUE}).")
    String attention;

    @Option(names = "--sampling", defaultValue = "none", description = "Scheduled sampling: none (teacher forcing), linear, exponential or inverse-sigmoid (default: ${DEFAULT-VALUE}).")
    String sampling;

    @Option(names = "--sampling-k", description = "Schedule k: linear start (default 1), exponential base (default 0.9995), inverse-sigmoid k (default 1000).")
    Double samplingK;

    @Option(names = "--sampling-c", defaultValue = "0.0002", description = "Linear schedule: decrease per step (default: ${DEFAULT-VALUE}).")
    double samplingC;

    @Option(names = "--sampling-min", defaultValue = "0.5", description = "Linear schedule: lowest teacher-forcing probability (default: ${DEFAULT-VALUE}).")
    double samplingMin;

    @Option(names = "--feedback", defaultValue = "argmax", description = "Fed-back symbol: argmax or sample (default: ${DEFAULT-VALUE}).")
    String feedback;

    @Option(names = "--epochs", defaultValue = "30", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "5", description = "Epochs without a better dev exact match before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--batch", defaultValue = "64", description = "Pairs per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lr-schedule", defaultValue = "cosine", description = "Learning rate per epoch: constant, or cosine annealing to 5 %% over --epochs (default: ${DEFAULT-VALUE}).")
    String lrSchedule;

    @Option(names = "--clip", defaultValue = "5", description = "Global gradient-norm clip; 0 for none (default: ${DEFAULT-VALUE}).")
    double clip;

    @Override
    public Integer call() throws Exception {
        common.validate();
        long t0 = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<TextPair> train = PairFile.read(data);
        List<TextPair> devPairs = dev == null ? List.of() : PairFile.read(dev);
        CharacterCodec codec = CharacterCodec.fromPairs(train);
        Seq2SeqConfig config;
        Seq2SeqTrainingConfig training;
        try {
            int width = (bidirectional ? 2 : 1) * hidden;
            config = new Seq2SeqConfig(cell.type, codec.source().size(), codec.target().size(), embedding, hidden, layers,
                    bidirectional, decoderHidden == null ? width : decoderHidden, false, AttentionScore.parse(attention),
                    codec.startSymbol(), codec.endSymbol());
            training = new Seq2SeqTrainingConfig(epochs, batch, lr, learningRateSchedule(), clip, schedule(), choice(), patience,
                    common.seed);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        int longest = train.stream().mapToInt(TextPair::sourceLength).max().orElse(0);
        CharSeq2Seq model = new CharSeq2Seq(codec, EncoderDecoder.create(config, common.seed), longest, reverseSource);
        model.model().setThreads(common.threads);
        err.printf(Locale.ROOT, "seq2seq train: %d train / %d dev pairs, %d source and %d target symbols, %d parameters, %s%n",
                train.size(), devPairs.size(), codec.source().size(), codec.target().size(), model.model().parameterCount(),
                training.sampling() == null ? "teacher forcing" : "scheduled sampling (" + sampling + ")");
        err.flush();
        Seq2SeqTrainer.Result result = Seq2SeqTrainer.train(model.model(), model.symbols(train), model.symbols(devPairs),
                training, new Seq2seqProgress(err, epochs));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Seq2SeqTrainer.EpochReport last = result.history().get(result.history().size() - 1);
        model.save(modelDir, card(training, result, train.size(), devPairs.size(), seconds));
        if (common.json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("model", modelDir.toString());
            j.put("best_epoch", result.bestEpoch());
            j.put("epochs_run", result.history().size());
            j.put("dev_exact_match", devPairs.isEmpty() ? null : result.bestDevExactMatch());
            j.put("train_loss", last.trainLoss());
            j.put("seconds", seconds);
            out.println(Json.line(j));
        } else {
            out.printf(Locale.ROOT, "saved %s: %s, %.1f s%n", modelDir, devPairs.isEmpty()
                    ? String.format(Locale.ROOT, "%d epochs (no --dev: the last epoch is kept)", result.history().size())
                    : String.format(Locale.ROOT, "best epoch %d of %d, dev exact match %.4f", result.bestEpoch(),
                            result.history().size(), result.bestDevExactMatch()), seconds);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** How the model was trained, for its config.json: options, outcome and provenance. */
    private ObjectNode card(Seq2SeqTrainingConfig training, Seq2SeqTrainer.Result result, int trainPairs, int devPairCount,
                            double seconds) {
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        ObjectNode t = card.putObject("training");
        t.put("train_pairs", trainPairs);
        t.put("dev_pairs", devPairCount);
        t.put("sampling", sampling);
        if (training.sampling() != null) {
            t.put("sampling_k", training.sampling().k());
            t.put("sampling_c", training.sampling().c());
            t.put("sampling_min", training.sampling().minimum());
            t.put("feedback", feedback);
        }
        t.put("epochs_run", result.history().size());
        t.put("best_epoch", result.bestEpoch());
        t.put("batch", training.batchSize());
        t.put("lr", training.learningRate());
        t.put("lr_schedule", lrSchedule);
        t.put("clip", training.clipNorm());
        t.put("seconds", seconds);
        if (devPairCount > 0) {
            card.putObject("metrics").put("dev_exact_match", result.bestDevExactMatch());
        }
        card.set("provenance", Provenance.of(common.seed));
        return card;
    }

    private LearningRateSchedule learningRateSchedule() {
        return switch (lrSchedule.strip().toLowerCase(Locale.ROOT)) {
            case "constant" -> LearningRateSchedule.constant();
            case "cosine" -> LearningRateSchedule.cosine(Math.max(1, epochs), 0.05);
            default -> throw new IllegalArgumentException("--lr-schedule must be constant or cosine, got '" + lrSchedule + "'.");
        };
    }

    private ScheduledSampling schedule() {
        return switch (sampling.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> null;
            case "linear" -> ScheduledSampling.linear(samplingK == null ? 1.0 : samplingK, samplingC, samplingMin);
            case "exponential" -> ScheduledSampling.exponential(samplingK == null ? 0.9995 : samplingK);
            case "inverse-sigmoid" -> ScheduledSampling.inverseSigmoid(samplingK == null ? 1000 : samplingK);
            default -> throw new IllegalArgumentException("--sampling must be none, linear, exponential or inverse-sigmoid, got '"
                    + sampling + "'.");
        };
    }

    private ScheduledFeeding.Choice choice() {
        return switch (feedback.strip().toLowerCase(Locale.ROOT)) {
            case "argmax" -> ScheduledFeeding.Choice.ARGMAX;
            case "sample" -> ScheduledFeeding.Choice.SAMPLE;
            default -> throw new IllegalArgumentException("--feedback must be argmax or sample, got '" + feedback + "'.");
        };
    }
}
