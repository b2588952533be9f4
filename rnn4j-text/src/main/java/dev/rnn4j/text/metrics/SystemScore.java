package dev.rnn4j.text.metrics;

import dev.rnn4j.text.data.TaggedSentence;
import java.util.List;

/**
 * One system's scores on a gold corpus as the WNUT-17 shared task reports them: entity-level
 * exact-span precision, recall and F1 ({@link SpanEvaluation}) and the surface-form F1
 * ({@link SurfaceFormEvaluation}). The same code scores a trained model and the official system
 * outputs, so the two can stand in one table.
 *
 * @param system  the system's name
 * @param entity  entity-level counts over every type
 * @param surface distinct surface-form counts
 */
public record SystemScore(String system, SpanScore entity, SpanScore surface) {

    /**
     * Scores {@code predicted} against {@code gold}, sentence by sentence; the two must have the
     * same sentences of the same lengths (a misaligned output is an error naming its file and line).
     */
    public static SystemScore of(String system, List<TaggedSentence> gold, List<TaggedSentence> predicted) {
        if (predicted.size() != gold.size()) {
            TaggedSentence first = predicted.isEmpty() ? null : predicted.get(0);
            throw new IllegalArgumentException((first == null ? system : first.source()) + ": expected " + gold.size()
                    + " sentences, as in the gold corpus, got " + predicted.size() + ".");
        }
        SpanEvaluation spans = new SpanEvaluation();
        SurfaceFormEvaluation surfaces = new SurfaceFormEvaluation();
        for (int i = 0; i < gold.size(); i++) {
            TaggedSentence g = gold.get(i);
            TaggedSentence p = predicted.get(i);
            if (p.size() != g.size()) {
                throw new IllegalArgumentException(p.where(0) + ": expected a sentence of " + g.size() + " tokens, as at "
                        + g.where(0) + ", got " + p.size() + ".");
            }
            spans.add(g.tags(), p.tags());
            surfaces.add(g.tokens(), g.tags(), p.tokens(), p.tags());
        }
        return new SystemScore(system, spans.overall(), surfaces.score());
    }
}
