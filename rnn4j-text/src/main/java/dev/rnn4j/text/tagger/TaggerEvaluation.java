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
        return evaluate(TaggerEnsemble.of(network, params, encoder), sentences, batchSize, unknown);
    }

    /** As {@link #evaluate(TaggerNetwork, float[], SentenceEncoder, List, int, UnknownGoldTags)}, for one tagger or several together. */
    public static Result evaluate(TaggerEnsemble tagger, List<TaggedSentence> sentences, int batchSize, UnknownGoldTags unknown) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize + ".");
        }
        long unknownCount = 0;
        if (unknown == UnknownGoldTags.FAIL) {
            // Every gold tag is checked before any time is spent predicting.
            tagger.firstEncoder().requireKnownTags(sentences);
        } else {
            for (TaggedSentence s : sentences) {
                unknownCount += s.tags().stream().filter(t -> tagger.tags().indexOf(t) < 0).count();
            }
        }
        List<List<String>> predicted = tagger.predictNames(sentences.stream().map(TaggedSentence::tokens).toList(), batchSize);
        SpanEvaluation result = new SpanEvaluation();
        for (int i = 0; i < sentences.size(); i++) {
            result.add(sentences.get(i).tags(), predicted.get(i));
        }
        return new Result(result, unknownCount);
    }
}
