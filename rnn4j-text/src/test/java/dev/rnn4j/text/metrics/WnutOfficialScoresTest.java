package dev.rnn4j.text.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.text.data.ConllReader;
import dev.rnn4j.text.data.SystemOutputReader;
import dev.rnn4j.text.data.TaggedSentence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scores the seven official WNUT-17 system outputs against the gold test set and requires the
 * entity-level precision, recall and F1 published for the shared task (Derczynski et al. 2017),
 * to the two decimals published, and the surface-form F1 of the task's rescoring.
 */
class WnutOfficialScoresTest {

    @ParameterizedTest(name = "{0}: P={1} R={2} F1={3} surface F1={4}")
    @CsvSource({
            "uh_ritual,         57.54, 32.90, 41.86, 40.33",
            "spinningbytes.txt, 47.09, 35.96, 40.78, 39.52",
            "sjtu_adapt.txt,    50.21, 33.83, 40.42, 37.67",
            "arcada,            47.40, 34.57, 39.98, 38.22",
            "flytxt,            47.92, 31.97, 38.35, 36.55",
            "mic-cis.txt,       40.97, 33.83, 37.06, 33.14",
            "drexel_cci,        50.39, 17.79, 26.30, 25.02",
    })
    void reproducesThePublishedEntityScores(String system, double precision, double recall, double f1, double surfaceF1)
            throws IOException {
        List<TaggedSentence> gold;
        try (BufferedReader r = open("/wnut17/emerging.test.annotated.gz")) {
            gold = ConllReader.read(r, "emerging.test.annotated");
        }
        List<TaggedSentence> predicted;
        try (BufferedReader r = open("/wnut17/submissions/" + system + ".gz")) {
            predicted = SystemOutputReader.read(r, system);
        }
        assertThat(gold).hasSize(1287);

        SystemScore score = SystemScore.of(system, gold, predicted);
        assertThat(percent(score.entity().precision())).isEqualTo(precision);
        assertThat(percent(score.entity().recall())).isEqualTo(recall);
        assertThat(percent(score.entity().f1())).isEqualTo(f1);
        assertThat(score.entity().gold()).isEqualTo(1079);
        assertThat(percent(score.surface().f1())).isEqualTo(surfaceF1);
    }

    @Test
    void aMisalignedSystemOutputIsAnErrorNamingItsFileAndLine() {
        List<TaggedSentence> gold = List.of(TaggedSentence.of(List.of("a", "b"), List.of("O", "O")));
        List<TaggedSentence> shorter = List.of(TaggedSentence.of(List.of("a"), List.of("O")));
        assertThatThrownBy(() -> SystemScore.of("sys", gold, shorter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<memory>:1").hasMessageContaining("expected a sentence of 2 tokens");
        assertThatThrownBy(() -> SystemScore.of("sys", gold, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 1 sentences");
    }

    private static double percent(double fraction) {
        return Math.round(fraction * 10000) / 100.0;
    }

    private static BufferedReader open(String resource) throws IOException {
        InputStream in = WnutOfficialScoresTest.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Missing test resource " + resource + ".");
        }
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
    }
}
