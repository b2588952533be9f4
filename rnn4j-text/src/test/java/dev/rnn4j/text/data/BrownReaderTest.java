package dev.rnn4j.text.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrownReaderTest {

    private static List<TaggedSentence> sample(BrownTagSet tagSet) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                BrownReaderTest.class.getResourceAsStream("/brown/brown_sample_300sents.tsv"), StandardCharsets.UTF_8))) {
            return BrownReader.read(r, "brown_sample_300sents.tsv", tagSet);
        }
    }

    @Test
    void readsTheBundledSampleWithEachTagColumn() throws IOException {
        List<TaggedSentence> raw = sample(BrownTagSet.RAW);
        List<TaggedSentence> base = sample(BrownTagSet.BASE);
        List<TaggedSentence> coarse = sample(BrownTagSet.COARSE);
        assertThat(raw).hasSize(300);
        // First sentence: "The Fulton County Grand Jury said ..." (see the file).
        assertThat(raw.get(0).tokens()).startsWith("The", "Fulton", "County");
        assertThat(raw.get(0).tags()).startsWith("at", "np-tl", "nn-tl");
        assertThat(base.get(0).tags()).startsWith("at", "np", "nn");
        assertThat(coarse.get(0).tags()).startsWith("DET", "NOUN", "NOUN");
        assertThat(raw.get(0).where(0)).isEqualTo("brown_sample_300sents.tsv:2");
        assertThat(coarse.stream().flatMap(s -> s.tags().stream()).distinct().count()).isLessThanOrEqualTo(12);
    }

    @Test
    void aLineWithTooFewColumnsNamesFileAndLine() {
        String text = "# doc=ca01 category=news\nThe\tat\tat\tDET\nFulton\tnp-tl\n";
        assertThatThrownBy(() -> BrownReader.read(new BufferedReader(new StringReader(text)), "b.tsv", BrownTagSet.COARSE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("b.tsv:3: expected 4 tab-separated columns (word, brown_tag, base_tag, coarse_tag), got 2: 'Fulton\tnp-tl'.");
    }

    @Test
    void tagSetNamesParse() {
        assertThat(BrownTagSet.parse("Coarse")).isEqualTo(BrownTagSet.COARSE);
        assertThatThrownBy(() -> BrownTagSet.parse("universal"))
                .hasMessage("The Brown tag set must be raw, base or coarse, got 'universal'.");
    }
}
