package dev.rnn4j.text.tagger;

import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.metrics.SpanEvaluation;
import java.util.List;

/**
 * Scores a tagger on gold sentences: token accuracy and conlleval-style span precision, recall
 * and F1, per type and overall. A gold tag the model does not know is an error naming its file
 * and line, unless {@link UnknownGoldTags#COUNT_AS_WRONG} is asked for.
 */
public final class TaggerEvaluation {

    /**
     * The scores, and how many gold tokens carried a tag the model does not know (always 0 under
     * {@link UnknownGoldTags#FAIL}).
     */
    public record Result(SpanEvaluation scores, long unknownGoldTags) {
    }

    private TaggerEvaluation() {
    }

    /** Predicts {@code sentences} in batches of {@code batchSize}; an unknown gold tag is an error. */
    public static SpanEvaluation evaluate(TaggerNetwork network, float[] params, SentenceEncoder encoder,
                                          List<TaggedSentence> sentences, int batchSize) {
        return evaluate(network, params, encoder, sentences, batchSize, UnknownGoldTags.FAIL).scores();
    }

    /** Predicts {@code sentences} in batches of {@code batchSize} and compares with their gold tags. */
    public static Result evaluate(TaggerNetwork network, float[] params, SentenceEncoder encoder,
                                  List<TaggedSentence> sentences, int batchSize, UnknownGoldTags unknown) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize + ".");
        }
        SpanEvaluation result = new SpanEvaluation();
        long unknownCount = 0;
        for (int from = 0; from < sentences.size(); from += batchSize) {
            List<TaggedSentence> chunk = sentences.subList(from, Math.min(sentences.size(), from + batchSize));
            EncodedBatch batch;
            if (unknown == UnknownGoldTags.FAIL) {
                // Encoding with gold tags checks that each is known before any time is spent predicting.
                batch = encoder.encode(chunk);
            } else {
                batch = encoder.encodeTokens(chunk.stream().map(TaggedSentence::tokens).toList());
                for (TaggedSentence s : chunk) {
                    unknownCount += s.tags().stream().filter(t -> encoder.tags().indexOf(t) < 0).count();
                }
            }
            int[][] predicted = network.predict(params, batch);
            for (int i = 0; i < chunk.size(); i++) {
                result.add(chunk.get(i).tags(), encoder.tagNames(predicted[i]));
            }
        }
        return new Result(result, unknownCount);
    }
}
