package dev.rnn4j.text.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked examples: the expected counts were worked out on paper from the tags below. */
class SpanEvaluationTest {

    private static List<String> tags(String s) {
        return List.of(s.split(" "));
    }

    @Test
    void countsExactSpanMatchesPerTypeAndOverall() {
        SpanEvaluation e = new SpanEvaluation();
        // gold: PER[0,2) LOC[3,4)        predicted: PER[0,2) correct, LOC[3,5) wrong end
        e.add(tags("B-PER I-PER O B-LOC O"), tags("B-PER I-PER O B-LOC I-LOC"));
        // gold: ORG[0,1) PER[2,3)        predicted: ORG[0,1) correct, PER missed, LOC[1,2) spurious
        e.add(tags("B-ORG O B-PER"), tags("B-ORG B-LOC O"));

        assertThat(e.overall()).isEqualTo(new SpanScore(2, 4, 4));
        assertThat(e.overall().precision()).isEqualTo(0.5);
        assertThat(e.overall().recall()).isEqualTo(0.5);
        assertThat(e.overall().f1()).isEqualTo(0.5);

        assertThat(e.byType()).containsOnlyKeys("LOC", "ORG", "PER");
        assertThat(e.byType().get("PER")).isEqualTo(new SpanScore(1, 1, 2));
        assertThat(e.byType().get("PER").f1()).isCloseTo(2 * 1.0 * 0.5 / 1.5, within(1e-12));
        assertThat(e.byType().get("LOC")).isEqualTo(new SpanScore(0, 2, 1));
        assertThat(e.byType().get("LOC").f1()).isZero();
        assertThat(e.byType().get("ORG")).isEqualTo(new SpanScore(1, 1, 1));

        // tokens: 5 + 3, of which wrong: position 4 of sentence 1, positions 1 and 2 of sentence 2.
        assertThat(e.accuracy().correct()).isEqualTo(5);
        assertThat(e.accuracy().total()).isEqualTo(8);
    }

    @Test
    void aSpanWithTheRightBoundsButTheWrongTypeIsNotCorrect() {
        SpanEvaluation e = new SpanEvaluation();
        e.add(tags("B-PER I-PER"), tags("B-ORG I-ORG"));
        assertThat(e.overall()).isEqualTo(new SpanScore(0, 1, 1));
    }

    @Test
    void chunksDoNotCrossSentences() {
        SpanEvaluation e = new SpanEvaluation();
        e.add(tags("O B-PER"), tags("O B-PER"));
        e.add(tags("I-PER O"), tags("I-PER O"));
        // conlleval closes the first PER at the sentence end; the stray I-PER opens a second chunk.
        assertThat(e.overall()).isEqualTo(new SpanScore(2, 2, 2));
    }

    @Test
    void nothingPredictedGivesZeroNotNaN() {
        SpanEvaluation e = new SpanEvaluation();
        e.add(tags("B-PER O"), tags("O O"));
        assertThat(e.overall().precision()).isZero();
        assertThat(e.overall().f1()).isZero();
    }

    @Test
    void refusesSentencesOfDifferentLengths() {
        SpanEvaluation e = new SpanEvaluation();
        assertThatThrownBy(() -> e.add(tags("O O"), tags("O")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected one predicted tag per gold tag, got 1 predicted for 2 gold.");
    }
}
