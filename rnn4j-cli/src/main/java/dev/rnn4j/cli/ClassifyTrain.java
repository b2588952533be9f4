package dev.rnn4j.cli;

import dev.rnn4j.data.LabeledInstance;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.data.Standardizer;
import dev.rnn4j.data.SymbolEncoding;
import dev.rnn4j.model.LayerSpec;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.monitor.LayerActivity;
import dev.rnn4j.monitor.NormProfile;
import dev.rnn4j.optim.LearningRateSchedule;
import dev.rnn4j.optim.OptimizerConfig;
import dev.rnn4j.train.Losses;
import dev.rnn4j.train.Trainer;
import dev.rnn4j.train.TrainerConfig;
import dev.rnn4j.train.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j classify train}: trains on the instances whose split is {@code train} (a share of
 * them, by instance, held out for validation and early stopping) and saves the model directory.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a sequence classifier on the train split.")
final class ClassifyTrain implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV: instance,split,label,t,d1..dK or id,split,label,sequence.")
    Path data;

    @Option(names = "--model", required = true, description = "Directory to write the model to.")
    Path modelDir;

    @Option(names = "--cell", defaultValue = "gru", converter = CellConverter.class, description = "rnn, lstm or gru (default: ${DEFAULT-VALUE}).")
    CellOption cell;

    @Option(names = "--hidden", defaultValue = "64", description = "Hidden units per layer (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "1", description = "Recurrent layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--bidirectional", description = "Bidirectional layers.")
    boolean bidirectional;

    @Option(names = "--dropout", defaultValue = "0", description = "Dropout on each layer's output (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--recurrent-dropout", defaultValue = "0", description = "Variational recurrent dropout (default: ${DEFAULT-VALUE}).")
    double recurrentDropout;

    @Option(names = "--residual", description = "Residual connections around the inner layers (needs --layers 3 or more).")
    boolean residual;

    @Option(names = "--layer-norm", description = "Layer normalisation between recurrent layers (needs --layers 2 or more).")
    boolean layerNorm;

    @Option(names = "--head", defaultValue = "last", description = "last: dense on the final state; all: dense on every "
            + "step's output, concatenated (fixed-length sequences only) (default: ${DEFAULT-VALUE}).")
    String head;

    @Option(names = "--epochs", defaultValue = "60", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.003", description = "AdamW learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--weight-decay", defaultValue = "0.0001", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--validation", defaultValue = "0.1", description = "Share of training instances held out (default: ${DEFAULT-VALUE}).")
    double validationShare;

    @Option(names = "--patience", defaultValue = "15", description = "Early-stopping patience in epochs (default: ${DEFAULT-VALUE}).")
    int patience;

    @Override
    public Integer call() throws Exception {
        common.validate();
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new CliException(ExitCodes.USAGE, "--validation must be in [0, 1), got " + validationShare + ".");
        }
        long t0 = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        String format = ClassifyData.detectFormat(data);
        List<LabeledInstance> train = ClassifyData.split(ClassifyData.read(data, format, true), "train");
        if (train.isEmpty()) {
            throw new CliException(ExitCodes.INVALID_INPUT, data + " has no instances whose split is 'train'.");
        }
        List<String> labels = new ArrayList<>(new TreeSet<>(train.stream().map(LabeledInstance::label).toList()));
        SplittableRandom random = new SplittableRandom(common.seed);
        List<LabeledInstance> shuffled = new ArrayList<>(train);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        int nVal = (int) Math.round(shuffled.size() * validationShare);
        List<LabeledInstance> valPart = shuffled.subList(0, nVal);
        List<LabeledInstance> trainPart = shuffled.subList(nVal, shuffled.size());
        boolean symbols = format.equals("symbols");
        SymbolEncoding encoding = symbols ? SymbolEncoding.fit(trainPart) : null;
        Standardizer standardizer = symbols ? null : Standardizer.fit(trainPart);
        int features = symbols ? encoding.alphabet().length() : trainPart.get(0).features();
        int maxLength = train.stream().mapToInt(LabeledInstance::length).max().orElseThrow();
        ClassifierMeta meta = new ClassifierMeta(format, labels, standardizer, encoding, features, maxLength);
        List<Sequence> trainSeqs = ClassifyData.encode(trainPart, meta, data, true);
        List<Sequence> valSeqs = ClassifyData.encode(valPart, meta, data, true);

        ModelConfig.Builder b = ModelConfig.builder().inputs(features).seed(common.seed);
        for (int i = 0; i < layers; i++) {
            b.layer(new LayerSpec(cell.type, hidden, bidirectional, dropout, recurrentDropout));
        }
        if (head.equals("all")) {
            int minLength = train.stream().mapToInt(LabeledInstance::length).min().orElseThrow();
            if (minLength != maxLength) {
                throw new CliException(ExitCodes.USAGE, "--head all needs sequences of one length, but " + data
                        + " has training sequences of " + minLength + " to " + maxLength + " steps.");
            }
            b.denseOnAllSteps(maxLength, labels.size());
        } else if (head.equals("last")) {
            b.denseOnLastStep(labels.size());
        } else {
            throw new CliException(ExitCodes.USAGE, "--head must be last or all, got '" + head + "'.");
        }
        if (residual) {
            b.residual();
        }
        if (layerNorm) {
            b.layerNorm();
        }
        ModelConfig config;
        try {
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--layers " + layers + " with these options is not a valid model: " + e.getMessage());
        }
        SequenceModel model = SequenceModel.create(config);
        TrainerConfig tc = TrainerConfig.builder()
                .optimizer(OptimizerConfig.adamW(lr).withWeightDecay(weightDecay))
                .schedule(LearningRateSchedule.cosine(epochs, 0.05))
                .epochs(epochs).batchSize(batch).threads(common.threads).seed(common.seed)
                .earlyStopping(valSeqs.isEmpty() ? 0 : patience, !valSeqs.isEmpty()).build();
        TrainingResult result;
        try (ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), "classify")) {
            result = new Trainer(tc, Losses.crossEntropy(), List.of(progress), null).fit(model, trainSeqs, valSeqs);
        }
        Classifier classifier = new Classifier(model, meta);
        double valAccuracy = valSeqs.isEmpty() ? Double.NaN : ClassifyEval.accuracy(classifier.predict(valSeqs), valSeqs);
        double seconds = (System.nanoTime() - t0) / 1e9;
        com.fasterxml.jackson.databind.node.ObjectNode card = card(meta, trainSeqs.size(), valSeqs.size(), result, valAccuracy, seconds);
        // the drift reference: what the layers do on data the model did not train on (the training data if none was held out)
        List<Sequence> reference = valSeqs.size() >= 10 ? valSeqs : trainSeqs;
        LayerActivity activity = LayerActivity.measure(model, reference);
        if (activity.norms(0).length >= NormProfile.BINS) { // fewer steps cannot make deciles; model drift then says the card has none
            card.set("drift", LayerActivity.toJson(activity.profiles(), reference == valSeqs ? "validation" : "training",
                    ModelFiles.json()));
        }
        classifier.save(modelDir, card);
        if (common.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", modelDir.toString());
            json.put("train", trainSeqs.size());
            json.put("validation", valSeqs.size());
            json.put("epochs", result.epochs());
            json.put("best_epoch", result.bestEpoch() + 1);
            json.put("validation_accuracy", valAccuracy);
            json.put("seconds", seconds);
            out.println(Json.line(json));
        } else {
            out.printf(Locale.ROOT, "trained on %d instances (%d held out), %d epochs (best %d), validation accuracy %.4f, %.1fs; saved %s%n",
                    trainSeqs.size(), valSeqs.size(), result.epochs(), result.bestEpoch() + 1, valAccuracy, seconds, modelDir);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The model card: what inference needs to know about training (trained length, metrics, provenance). */
    private com.fasterxml.jackson.databind.node.ObjectNode card(ClassifierMeta meta, int nTrain, int nVal, TrainingResult result,
                                                               double valAccuracy, double seconds) {
        com.fasterxml.jackson.databind.node.ObjectNode card = ModelFiles.json().createObjectNode();
        card.put("task", "classification");
        card.put("max_trained_length", meta.maxTrainedLength());
        // how to turn raw input into what the network reads, so other runtimes (e.g. PyTorch) score alike
        card.set("labels", ModelFiles.json().valueToTree(meta.labels()));
        if (meta.standardizer() != null) {
            com.fasterxml.jackson.databind.node.ObjectNode scaler = card.putObject("scaler");
            scaler.put("kind", "z-score per channel: (x - mean) / scale");
            scaler.set("mean", ModelFiles.json().valueToTree(meta.standardizer().mean()));
            scaler.set("scale", ModelFiles.json().valueToTree(meta.standardizer().scale()));
        }
        if (meta.encoding() != null) {
            card.put("vocabulary", meta.encoding().alphabet());
        }
        com.fasterxml.jackson.databind.node.ObjectNode training = card.putObject("training");
        training.put("train_instances", nTrain);
        training.put("validation_instances", nVal);
        training.put("epochs", result.epochs());
        training.put("best_epoch", result.bestEpoch() + 1);
        training.put("seconds", seconds);
        if (!Double.isNaN(valAccuracy)) {
            card.putObject("metrics").put("validation_accuracy", valAccuracy);
        }
        card.set("provenance", Provenance.of(common.seed));
        return card;
    }
}
