package dev.rnn4j.text.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurfaceFormEvaluationTest {

    private static List<String> split(String s) {
        return List.of(s.split(" "));
    }

    @Test
    void repeatedEntitiesCountOnceAndCaseIsIgnored() {
        SurfaceFormEvaluation e = new SurfaceFormEvaluation();
        // gold surfaces: (person, "bob smith"), (location, "oslo"). Predicted: (person, "bob smith") twice,
        // (person, "oslo") with the wrong type.
        e.add(split("Bob Smith visited Oslo"), split("B-person I-person O B-location"),
                split("Bob Smith visited Oslo"), split("B-person I-person O B-person"));
        e.add(split("BOB SMITH again"), split("B-person I-person O"),
                split("BOB SMITH again"), split("B-person I-person O"));
        assertThat(e.score()).isEqualTo(new SpanScore(1, 2, 2));
    }
}
