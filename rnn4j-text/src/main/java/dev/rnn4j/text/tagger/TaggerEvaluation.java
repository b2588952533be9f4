package dev.rnn4j.text.tagger;

import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.metrics.SpanEvaluation;
import java.util.List;

/**
 * Scores a tagger on gold sentences: token accuracy and conlleval-style span precision, recall
 * and F1, per type and overall. Every gold tag must be one the model knows; the first that is not
 * stops the evaluation with its file and line.
 */
public final class TaggerEvaluation {

    private TaggerEvaluation() {
    }

    /** Predicts {@code sentences} in batches of {@code batchSize} and compares with their gold tags. */
    public static SpanEvaluation evaluate(TaggerNetwork network, float[] params, SentenceEncoder encoder,
                                          List<TaggedSentence> sentences, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize + ".");
        }
        SpanEvaluation result = new SpanEvaluation();
        for (int from = 0; from < sentences.size(); from += batchSize) {
            List<TaggedSentence> chunk = sentences.subList(from, Math.min(sentences.size(), from + batchSize));
            // Encoding with gold tags checks that each is known before any time is spent predicting.
            EncodedBatch batch = encoder.encode(chunk);
            int[][] predicted = network.predict(params, batch);
            for (int i = 0; i < chunk.size(); i++) {
                result.add(chunk.get(i).tags(), encoder.tagNames(predicted[i]));
            }
        }
        return result;
    }
}
