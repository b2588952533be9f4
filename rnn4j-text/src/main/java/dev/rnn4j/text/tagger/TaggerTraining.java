package dev.rnn4j.text.tagger;

import dev.rnn4j.text.data.SentenceBatches;
import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.metrics.SpanEvaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A minimal training loop for a {@link TaggerNetwork}: length-pooled minibatches (their sentences
 * shared among {@link TaggerTrainingConfig#threads()} threads), dropout as
 * configured, the gradient averaged per sentence and handed to a {@link ParameterUpdate}, the
 * development set scored (without dropout) after
 * every epoch, early stopping with the best epoch's parameters restored. The optimiser (and
 * clipping) is the caller's, so this loop holds no optimiser state of its own.
 */
public final class TaggerTraining {

    /** One epoch's summary. */
    public record EpochReport(int epoch, double trainLossPerSentence, double devAccuracy, double devF1, boolean improved,
                              double seconds) {
    }

    /** The outcome: the best epoch (1-based) and every epoch's report; the parameters hold the best epoch's values. */
    public record Result(int bestEpoch, double bestScore, List<EpochReport> history) {
    }

    private TaggerTraining() {
    }

    /**
     * Trains {@code params} in place; on return they hold the values of the epoch with the best
     * development score.
     */
    public static Result train(TaggerNetwork network, float[] params, SentenceEncoder encoder, List<TaggedSentence> train,
                               List<TaggedSentence> dev, TaggerTrainingConfig config, ParameterUpdate update,
                               Consumer<EpochReport> listener) {
        if (train.isEmpty() || dev.isEmpty()) {
            throw new IllegalArgumentException("Training needs training and development sentences, got " + train.size()
                    + " and " + dev.size() + ".");
        }
        // Encode the development set once up front: an unknown tag there fails now, not after an epoch.
        encoder.encode(dev);
        try (ParallelGradient parallel = new ParallelGradient(network, config.threads(), params.length)) {
            return train(network, params, encoder, train, dev, config, update, listener, parallel);
        }
    }

    private static Result train(TaggerNetwork network, float[] params, SentenceEncoder encoder, List<TaggedSentence> train,
                                List<TaggedSentence> dev, TaggerTrainingConfig config, ParameterUpdate update,
                                Consumer<EpochReport> listener, ParallelGradient parallel) {
        float[] gradient = new float[params.length];
        float[] best = params.clone();
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        List<EpochReport> history = new ArrayList<>();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long started = System.nanoTime();
            double lossSum = 0;
            SplittableRandom dropout = new SplittableRandom(config.seed() * 31 + epoch);
            for (List<TaggedSentence> batch : SentenceBatches.epoch(train, config.batchSize(), 50, config.seed() + epoch)) {
                Arrays.fill(gradient, 0f);
                lossSum += parallel.lossAndGradient(params, batch, encoder, gradient, dropout);
                float scale = 1f / batch.size();
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] *= scale;
                }
                update.apply(params, gradient);
            }
            SpanEvaluation scores = TaggerEvaluation.evaluate(network, params, encoder, dev, 64);
            double score = config.devMetric() == DevMetric.ACCURACY ? scores.accuracy().value() : scores.overall().f1();
            boolean improved = score > bestScore;
            if (improved) {
                bestScore = score;
                bestEpoch = epoch;
                System.arraycopy(params, 0, best, 0, params.length);
            }
            EpochReport report = new EpochReport(epoch, lossSum / train.size(), scores.accuracy().value(),
                    scores.overall().f1(), improved, (System.nanoTime() - started) / 1e9);
            history.add(report);
            listener.accept(report);
            if (epoch - bestEpoch >= config.patience()) {
                break;
            }
        }
        System.arraycopy(best, 0, params, 0, params.length);
        return new Result(bestEpoch, bestScore, List.copyOf(history));
    }
}
