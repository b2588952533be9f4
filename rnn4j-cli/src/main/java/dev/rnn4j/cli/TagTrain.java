package dev.rnn4j.cli;

import dev.rnn4j.text.data.BrownTagSet;
import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.embed.PretrainedVectors;
import dev.rnn4j.text.tagger.DevMetric;
import dev.rnn4j.text.tagger.SentenceEncoder;
import dev.rnn4j.text.tagger.TagOutput;
import dev.rnn4j.text.tagger.TaggerConfig;
import dev.rnn4j.text.tagger.TaggerNetwork;
import dev.rnn4j.text.tagger.TaggerTraining;
import dev.rnn4j.text.tagger.TaggerTrainingConfig;
import dev.rnn4j.text.tagger.TaggerVocabularies;
import dev.rnn4j.text.tagger.WordForm;
import dev.rnn4j.text.vocab.Tokens;
import dev.rnn4j.text.vocab.Vocabulary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j tag train}: trains a BiLSTM-CRF (or softmax) tagger with Adam and global-norm
 * gradient clipping, scores the development set after every epoch, stops early on it and saves
 * the best epoch's model.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a sequence tagger, early-stopped on a development set.")
final class TagTrain implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Training corpus.")
    Path data;

    @Option(names = "--dev", required = true, description = "Development corpus (early stopping).")
    Path dev;

    @Option(names = "--format", required = true, description = "conll (token TAB tag) or brown (word, brown, base, coarse tag columns).")
    String format;

    @Option(names = "--tagset", defaultValue = "coarse", description = "Brown tag column: raw, base or coarse (default: ${DEFAULT-VALUE}).")
    String tagSet;

    @Option(names = "--model", required = true, description = "Directory to write the model to.")
    Path modelDir;

    static final class OutputChoice {
        @Option(names = "--crf", description = "CRF output layer (the default).")
        boolean crf;
        @Option(names = "--softmax", description = "Independent softmax per token (cheaper with hundreds of tags).")
        boolean softmax;
    }

    @ArgGroup(exclusive = true)
    OutputChoice outputChoice;

    @Option(names = "--cell", defaultValue = "lstm", converter = CellConverter.class, description = "rnn, lstm or gru (default: ${DEFAULT-VALUE}).")
    CellOption cell;

    @Option(names = "--hidden", defaultValue = "100", description = "Hidden units per direction of the word network (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "1", description = "Stacked bidirectional layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--word-dim", defaultValue = "100", description = "Word vector size (default: ${DEFAULT-VALUE}).")
    int wordDim;

    @Option(names = "--char-dim", defaultValue = "25", description = "Character vector size (default: ${DEFAULT-VALUE}).")
    int charDim;

    @Option(names = "--char-hidden", defaultValue = "25", description = "Hidden units per direction of the character network; 0 for none (default: ${DEFAULT-VALUE}).")
    int charHidden;

    @Option(names = "--min-count", defaultValue = "2", description = "Words seen fewer times map to <unk> (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--lowercase", description = "Look words up lower-cased (the character features still see the case).")
    boolean lowercase;

    @Option(names = "--vectors", description = "Pretrained word vectors to start the word embedding from: word2vec/GloVe text "
            + "(.gz allowed) or a wink-nlp JSON file; their size sets --word-dim.")
    Path vectors;

    @Option(names = "--vector-words", defaultValue = "0", description = "With --vectors: how many of the file's first (most "
            + "frequent) words join the vocabulary besides the training words (default: ${DEFAULT-VALUE}).")
    int vectorWords;

    @Option(names = "--freeze-vectors", description = "With --vectors: keep the word embedding as loaded (no training), so "
            + "the words training sees stay in the same space as the ones it does not.")
    boolean freezeVectors;

    @Option(names = "--dropout", defaultValue = "0.5", description = "Dropout on the word network's input and output (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--epochs", defaultValue = "30", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "5", description = "Epochs without a better dev score before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--batch", defaultValue = "32", description = "Sentences per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lr-decay", defaultValue = "0", description = "Learning rate of epoch e (from 0): lr / (1 + decay * e) "
            + "(default: ${DEFAULT-VALUE}: constant).")
    double lrDecay;

    @Option(names = "--clip", defaultValue = "5", description = "Global gradient-norm clip; 0 for none (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--dev-metric", description = "accuracy or span_f1 (default: span_f1 when every tag is O, B-X or I-X, else accuracy).")
    String devMetric;

    @Override
    public Integer call() throws Exception {
        common.validate();
        long t0 = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TagCorpus.checkFormat(format);
        BrownTagSet tags = parseTagSet(tagSet);
        if (!(clip >= 0)) {
            throw new CliException(ExitCodes.USAGE, "--clip must be >= 0, got " + clip + ".");
        }
        if (!(lrDecay >= 0)) {
            throw new CliException(ExitCodes.USAGE, "--lr-decay must be >= 0, got " + lrDecay + ".");
        }
        if (minCount < 1) {
            throw new CliException(ExitCodes.USAGE, "--min-count must be >= 1, got " + minCount + ".");
        }
        List<TaggedSentence> train = TagCorpus.readTagged(data, format, tags);
        List<TaggedSentence> devSentences = TagCorpus.readTagged(dev, format, tags);
        List<List<String>> tokens = train.stream().map(TaggedSentence::tokens).toList();
        Vocabulary tagVocabulary = Vocabulary.closed(List.copyOf(new TreeSet<>(train.stream().flatMap(s -> s.tags().stream()).toList())));
        boolean bio = TaggerModel.isBio(tagVocabulary.symbols());
        devSentences = withKnownTags(devSentences, tagVocabulary, err);
        WordForm wordForm = lowercase ? WordForm.LOWER_CASE : WordForm.AS_WRITTEN;
        if (vectorWords < 0) {
            throw new CliException(ExitCodes.USAGE, "--vector-words must be >= 0, got " + vectorWords + ".");
        }
        if (freezeVectors && vectors == null) {
            throw new CliException(ExitCodes.USAGE, "--freeze-vectors needs --vectors.");
        }
        PretrainedVectors pretrained = null;
        if (vectors != null) {
            Set<String> trainWords = new HashSet<>();
            tokens.forEach(s -> s.forEach(w -> {
                trainWords.add(w);
                trainWords.add(w.toLowerCase(Locale.ROOT));
            }));
            int[] seen = {0};
            // The file lists frequent words first: keep its first --vector-words words and the training words.
            pretrained = PretrainedVectors.read(vectors, w -> seen[0]++ < vectorWords || trainWords.contains(w));
            wordDim = pretrained.dimension();
        }
        SentenceEncoder encoder = new SentenceEncoder(TaggerVocabularies.words(tokens, wordForm, minCount, pretrained, vectorWords),
                charHidden > 0 ? Tokens.characterVocabulary(tokens, 1) : null, tagVocabulary, wordForm);
        TagOutput output = outputChoice != null && outputChoice.softmax ? TagOutput.SOFTMAX : TagOutput.CRF;
        TaggerConfig config;
        try {
            config = new TaggerConfig(encoder.words().size(), wordDim, charHidden > 0 ? encoder.characters().size() : 0, charDim,
                    charHidden, cell.type, hidden, layers, tagVocabulary.size(), output, dropout);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        DevMetric metric = devMetric == null ? (bio ? DevMetric.SPAN_F1 : DevMetric.ACCURACY) : parseMetric(devMetric);
        TaggerTrainingConfig trainingConfig;
        try {
            trainingConfig = new TaggerTrainingConfig(epochs, batch, patience, metric, common.seed, common.threads);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        TaggerNetwork network = TaggerModel.network(config, bio, tagVocabulary);
        float[] params = network.initialParameters(common.seed);
        if (pretrained != null) {
            int filled = pretrained.copyInto(network.wordEmbedding(), params,
                    network.parameters().entry("word_embedding.weight").offset(), encoder.words());
            err.printf(Locale.ROOT, "tag train: %d of %d words start from the vectors of %s%n", filled, encoder.words().size(), vectors);
        }
        // Rows past the training words (the vector file's extra words) get no gradient: Adam skips them, and
        // with --freeze-vectors the whole embedding.
        int embedding = network.parameters().entry("word_embedding.weight").offset();
        int trainedRows = freezeVectors ? 0 : pretrained == null ? encoder.words().size()
                : TaggerVocabularies.words(tokens, wordForm, minCount, pretrained, 0).size();
        TagParameterUpdate update = new TagParameterUpdate(params.length, embedding + trainedRows * wordDim,
                embedding + encoder.words().size() * wordDim, lr, clip);
        err.printf(Locale.ROOT, "tag train: %d train / %d dev sentences, %d words, %d tags, %s output, %d parameters (%d trained)%n",
                train.size(), devSentences.size(), encoder.words().size(), tagVocabulary.size(), output.id(), params.length,
                update.updated());
        err.flush();
        TaggerTraining.Result result;
        try (TagProgress progress = new TagProgress(err, epochs, train.size(), batch, bio, ProgressReporter.onTerminal())) {
            result = TaggerTraining.train(network, params, encoder, train, devSentences, trainingConfig,
                (p, g) -> {
                    update.apply(p, g);
                    progress.stepDone();
                },
                r -> {
                    progress.epochDone(r);
                    // Ma & Hovy (2016): lr_e = lr / (1 + decay * e) after e finished epochs.
                    update.learningRate(lr / (1 + lrDecay * r.epoch()));
                });
        }
        new TaggerModel(format, tags, config, bio, encoder, network, params).save(modelDir);
        TaggerTraining.EpochReport best = result.history().get(result.bestEpoch() - 1);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (common.json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("model", modelDir.toString());
            j.put("best_epoch", result.bestEpoch());
            j.put("epochs_run", result.history().size());
            j.put("dev_accuracy", best.devAccuracy());
            if (bio) {
                j.put("dev_f1", 100 * best.devF1());
            }
            j.put("seconds", seconds);
            out.println(Json.line(j));
        } else {
            out.printf(Locale.ROOT, "saved %s: best epoch %d of %d, dev accuracy %.4f%s, %.1f s%n", modelDir,
                    result.bestEpoch(), result.history().size(), best.devAccuracy(),
                    bio ? String.format(Locale.ROOT, ", dev F1 %.2f", 100 * best.devF1()) : "", seconds);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The development sentences whose tags all occur in training. A fine-grained tag set can have
     * rare tags seen only in the development split (raw Brown: 20 tokens); the model can never
     * output them, so those sentences are left out of early stopping, with a notice, rather than
     * stopping training. {@code rnn4j tag eval --unknown-tags count-as-wrong} scores them all.
     */
    static List<TaggedSentence> withKnownTags(List<TaggedSentence> dev, Vocabulary tags, PrintWriter err) {
        List<TaggedSentence> known = dev.stream().filter(s -> s.tags().stream().allMatch(tags::contains)).toList();
        if (known.isEmpty()) {
            TaggedSentence first = dev.get(0);
            int i = 0;
            while (tags.contains(first.tags().get(i))) {
                i++;
            }
            throw new IllegalArgumentException(first.where(i) + ": tag '" + first.tags().get(i) + "' was not seen in training, "
                    + "and no development sentence has only tags seen in training.");
        }
        if (known.size() < dev.size()) {
            err.printf(Locale.ROOT, "tag train: %d of %d development sentences have tags unseen in training and are left out "
                    + "of early stopping (score them with 'rnn4j tag eval --unknown-tags count-as-wrong').%n",
                    dev.size() - known.size(), dev.size());
        }
        return known;
    }

    static BrownTagSet parseTagSet(String name) {
        try {
            return BrownTagSet.parse(name);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--tagset must be raw, base or coarse, got '" + name + "'.");
        }
    }

    private static DevMetric parseMetric(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "accuracy" -> DevMetric.ACCURACY;
            case "span_f1", "f1" -> DevMetric.SPAN_F1;
            default -> throw new CliException(ExitCodes.USAGE, "--dev-metric must be accuracy or span_f1, got '" + name + "'.");
        };
    }
}
