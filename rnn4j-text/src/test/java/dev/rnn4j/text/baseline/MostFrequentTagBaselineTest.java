package dev.rnn4j.text.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.text.data.BrownReader;
import dev.rnn4j.text.data.BrownTagSet;
import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.metrics.TokenAccuracy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MostFrequentTagBaselineTest {

    @Test
    void picksEachWordsMostFrequentTagAndTheOverallOneForUnseenWords() {
        MostFrequentTagBaseline b = MostFrequentTagBaseline.train(List.of(
                TaggedSentence.of(List.of("the", "can", "can"), List.of("DET", "NOUN", "VERB")),
                TaggedSentence.of(List.of("can", "rust"), List.of("VERB", "NOUN")),
                TaggedSentence.of(List.of("the", "dog"), List.of("DET", "NOUN"))));
        // can: VERB 2, NOUN 1. Overall: NOUN 3, DET 2, VERB 2.
        assertThat(b.predict(List.of("the", "can", "cat"))).containsExactly("DET", "VERB", "NOUN");
        assertThat(b.fallbackTag()).isEqualTo("NOUN");
    }

    @Test
    void tiesGoToTheTagSeenFirst() {
        MostFrequentTagBaseline b = MostFrequentTagBaseline.train(List.of(
                TaggedSentence.of(List.of("x", "x", "y", "y"), List.of("VERB", "ADJ", "ADJ", "VERB"))));
        assertThat(b.predict(List.of("x", "y"))).containsExactly("VERB", "ADJ");
    }

    @Test
    void lowercaseKeysShareCountsAcrossCase() {
        MostFrequentTagBaseline b = MostFrequentTagBaseline.train(List.of(
                TaggedSentence.of(List.of("The", "the", "the"), List.of("DET-TL", "DET", "DET"))),
                MostFrequentTagBaseline.LOWERCASE);
        assertThat(b.predict(List.of("The", "THE"))).containsExactly("DET", "DET");
    }

    /**
     * The full Brown train/dev split, when {@code -Drnn4j.data.dir=DIR} names the folder holding
     * {@code pos_brown/}: with lower-cased words the dev accuracies must equal those the corpus
     * README gives for this baseline (0.880 / 0.901 / 0.940), to the three decimals it prints.
     */
    @ParameterizedTest(name = "{0}: dev accuracy {1}")
    @CsvSource({"raw, 0.880", "base, 0.901", "coarse, 0.940"})
    void brownDevAccuracyMatchesTheCorpusReadme(String tagSet, double expected) throws IOException {
        String dir = System.getProperty("rnn4j.data.dir", "");
        Assumptions.assumeTrue(!dir.isBlank() && Files.isDirectory(Path.of(dir, "pos_brown")),
                "set -Drnn4j.data.dir to the folder holding pos_brown/ to run this check");
        BrownTagSet set = BrownTagSet.parse(tagSet);
        List<TaggedSentence> train = BrownReader.read(Path.of(dir, "pos_brown", "brown_train.tsv.gz"), set);
        List<TaggedSentence> dev = BrownReader.read(Path.of(dir, "pos_brown", "brown_dev.tsv.gz"), set);
        TokenAccuracy exact = accuracy(MostFrequentTagBaseline.train(train), dev);
        TokenAccuracy acc = accuracy(MostFrequentTagBaseline.train(train, MostFrequentTagBaseline.LOWERCASE), dev);
        System.out.printf("most-frequent-tag baseline, Brown %s: dev accuracy %.4f lower-cased words, %.4f exact words"
                + " (%d tokens, %d train sentences)%n", tagSet, acc.value(), exact.value(), acc.total(), train.size());
        assertThat(train).hasSize(46175);
        assertThat(acc.total()).isEqualTo(115661);
        assertThat(acc.value()).isCloseTo(expected, within(0.0005));
    }

    private static TokenAccuracy accuracy(MostFrequentTagBaseline b, List<TaggedSentence> sentences) {
        TokenAccuracy acc = new TokenAccuracy();
        for (TaggedSentence s : sentences) {
            acc.add(s.tags(), b.predict(s.tokens()));
        }
        return acc;
    }
}
