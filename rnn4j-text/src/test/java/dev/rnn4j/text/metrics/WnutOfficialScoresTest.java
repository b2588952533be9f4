package dev.rnn4j.text.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rnn4j.text.data.ConllReader;
import dev.rnn4j.text.data.TaggedSentence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
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
        List<TaggedSentence> predicted = readSubmission("/wnut17/submissions/" + system + ".gz");
        assertThat(gold).hasSize(1287);
        assertThat(predicted).hasSameSizeAs(gold);

        SpanEvaluation e = new SpanEvaluation();
        SurfaceFormEvaluation surface = new SurfaceFormEvaluation();
        for (int i = 0; i < gold.size(); i++) {
            e.add(gold.get(i).tags(), predicted.get(i).tags());
            surface.add(gold.get(i).tokens(), gold.get(i).tags(), predicted.get(i).tokens(), predicted.get(i).tags());
        }
        assertThat(percent(e.overall().precision())).isEqualTo(precision);
        assertThat(percent(e.overall().recall())).isEqualTo(recall);
        assertThat(percent(e.overall().f1())).isEqualTo(f1);
        assertThat(e.overall().gold()).isEqualTo(1079);
        assertThat(percent(surface.score().f1())).isEqualTo(surfaceF1);
    }

    private static double percent(double fraction) {
        return Math.round(fraction * 10000) / 100.0;
    }

    /** A submission: {@code token SEP tag} per line, SEP a tab or a space; the tag is the last field. */
    private static List<TaggedSentence> readSubmission(String resource) throws IOException {
        List<TaggedSentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> current = new ArrayList<>();
        try (BufferedReader r = open(resource)) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty()) {
                    if (!current.isEmpty()) {
                        sentences.add(TaggedSentence.of(tokens, current));
                        tokens = new ArrayList<>();
                        current = new ArrayList<>();
                    }
                    continue;
                }
                String[] fields = line.split("[\t ]+");
                tokens.add(fields[0]);
                current.add(fields[fields.length - 1]);
            }
        }
        if (!current.isEmpty()) {
            sentences.add(TaggedSentence.of(tokens, current));
        }
        return sentences;
    }

    private static BufferedReader open(String resource) throws IOException {
        InputStream in = WnutOfficialScoresTest.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Missing test resource " + resource + ".");
        }
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
    }
}
